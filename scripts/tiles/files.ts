/**
 * The tile set's files: cut from the lines tiles.sql writes, and measured.
 */
import { createReadStream, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** One line of a tile as tiles.sql writes it: which part of the tile it is, and its text. */
export interface TileLine {
	part: number;
	text: string;
}

/**
 * Cuts the lines tiles.sql wrote to `lines` (`z<TAB>t<TAB>part<TAB>text`, in tile order) into one
 * file per tile, `dir/Z/T.<extension>`, holding `wrap` of the tile's lines. Only one tile is held at
 * a time.
 */
export async function cutTiles(
	lines: string,
	dir: string,
	extension: string,
	wrap: (z: string, t: string, lines: TileLine[]) => string
): Promise<number> {
	let key = '';
	let held: TileLine[] = [];
	let tiles = 0;
	const made = new Set<string>();
	const flush = () => {
		if (!held.length) return;
		const [z = '', t = ''] = key.split('\t');
		if (!made.has(z)) mkdirSync(join(dir, z), { recursive: true });
		made.add(z);
		writeFileSync(join(dir, z, `${t}.${extension}`), wrap(z, t, held));
		held = [];
		tiles++;
	};
	mkdirSync(dir, { recursive: true });
	const input = createInterface({ input: createReadStream(lines, { highWaterMark: 1 << 20 }) });
	for await (const line of input) {
		const second = line.indexOf('\t', line.indexOf('\t') + 1);
		const third = line.indexOf('\t', second + 1);
		const tile = line.slice(0, second);
		if (tile !== key) {
			flush();
			key = tile;
		}
		held.push({ part: Number(line.slice(second + 1, third)), text: line.slice(third + 1) });
	}
	flush();
	return tiles;
}

/** A count tile from its lines: each row is its opening line (part 0) and its top events. */
export function countTile(z: string, t: string, lines: readonly TileLine[]): string {
	const rows: string[] = [];
	let row: string[] = [];
	const close = () => {
		if (row.length) rows.push(`${row[0]}${row.slice(1).join(',')}]}`);
		row = [];
	};
	for (const { part, text } of lines) {
		if (part === 0) close();
		row.push(text);
	}
	close();
	return `{"z":${z},"t":${t},"rows":[${rows.join(',')}]}\n`;
}

/** An event tile from its lines: NDJSON, an event a line. */
export const eventTile = (_z: string, _t: string, lines: readonly TileLine[]) =>
	`${lines.map((line) => line.text).join('\n')}\n`;

/** Total size and number of the files under `dir`. */
export function folderSize(dir: string): { bytes: number; files: number } {
	let bytes = 0;
	let files = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile()) continue;
		bytes += statSync(join(entry.parentPath, entry.name)).size;
		files++;
	}
	return { bytes, files };
}
