/**
 * The tile set's files: cut from the lines tiles.sql writes, and measured.
 */
import { createReadStream, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Cuts the lines tiles.sql wrote to `lines` (`z<TAB>t<TAB>text`, in tile order) into one file per
 * tile, `dir/Z/T.<extension>`, holding `wrap` of the tile's texts. Only one tile is held at a time.
 */
export async function cutTiles(
	lines: string,
	dir: string,
	extension: string,
	wrap: (z: string, t: string, texts: string[]) => string
): Promise<number> {
	let key = '';
	let texts: string[] = [];
	let tiles = 0;
	const made = new Set<string>();
	const flush = () => {
		if (!texts.length) return;
		const [z = '', t = ''] = key.split('\t');
		if (!made.has(z)) mkdirSync(join(dir, z), { recursive: true });
		made.add(z);
		writeFileSync(join(dir, z, `${t}.${extension}`), wrap(z, t, texts));
		texts = [];
		tiles++;
	};
	mkdirSync(dir, { recursive: true });
	const input = createInterface({ input: createReadStream(lines, { highWaterMark: 1 << 20 }) });
	for await (const line of input) {
		const second = line.indexOf('\t', line.indexOf('\t') + 1);
		const tile = line.slice(0, second);
		if (tile !== key) {
			flush();
			key = tile;
		}
		texts.push(line.slice(second + 1));
	}
	flush();
	return tiles;
}

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
