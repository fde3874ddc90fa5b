/**
 * Which column of a CSV file holds which of Eventline's fields, for files whose columns have other
 * names: guessed from the header in English, French, Spanish and German and from the values (which
 * column reads as dates, which holds long text), then confirmed by the reader (or `--map`).
 */
import type { CsvTable } from './csv';
import { guessDayOrder, needsDayOrder, parseLooseDate, type DayOrder } from './loose-dates';

/** The fields a column can be mapped to, in the order a form asks for them. */
export const MAPPED_FIELDS = [
	'start',
	'end',
	'title',
	'summary',
	'category',
	'place',
	'url'
] as const;
/** One of {@link MAPPED_FIELDS}. */
export type MappedField = (typeof MAPPED_FIELDS)[number];
/** Fields a mapping must give. */
export const REQUIRED_FIELDS: readonly MappedField[] = ['start', 'title'];
/** Each field's name for people. */
export const FIELD_LABELS: Record<MappedField, string> = {
	start: 'Start date',
	end: 'End date',
	title: 'Title',
	summary: 'Description',
	category: 'Category (lane)',
	place: 'Place',
	url: 'Link'
};

/** Field → the header name of the column that holds it. */
export type ColumnMap = Partial<Record<MappedField, string>>;

/** How to read a file beyond its own contents: a column mapping and the order of day and month. */
export interface ImportOptions {
	map?: ColumnMap;
	dayOrder?: DayOrder;
}

/** What the reader is asked to confirm for a CSV file whose columns Eventline does not know. */
export interface MappingRequest {
	header: string[];
	/** The first data rows (at most {@link SAMPLE_ROWS}), for the preview. */
	rows: string[][];
	/** Data rows in the whole file. */
	totalRows: number;
	guess: ColumnMap;
	/** The order of day and month the values show, when they show one. */
	dayOrder?: DayOrder;
	/** True when the file has dates such as 1/2/2024 whose order only the reader can tell. */
	askDayOrder: boolean;
}

/** Rows a mapping request carries for its preview. */
export const SAMPLE_ROWS = 5000;

/** Header words for each field (folded: lower case, no accents, no spaces, `_` or `-`). */
const SYNONYMS: Record<MappedField, string[]> = {
	start: [
		'date',
		'start',
		'startdate',
		'begin',
		'begins',
		'from',
		'when',
		'datetime',
		'timestamp',
		'time',
		'year',
		'day',
		'datedebut',
		'datededebut',
		'debut',
		'quand',
		'annee',
		'jour',
		'fecha',
		'fechainicio',
		'fechadeinicio',
		'inicio',
		'cuando',
		'ano',
		'datum',
		'beginn',
		'anfang',
		'startdatum',
		'von',
		'wann',
		'jahr',
		'zeitpunkt'
	],
	end: [
		'end',
		'enddate',
		'dateend',
		'to',
		'until',
		'finish',
		'ends',
		'fin',
		'datefin',
		'datedefin',
		'fechafin',
		'fechadefin',
		'fechafinal',
		'final',
		'ende',
		'enddatum',
		'bis',
		'datumende'
	],
	title: [
		'title',
		'label',
		'headline',
		'name',
		'event',
		'subject',
		'heading',
		'titre',
		'nom',
		'evenement',
		'intitule',
		'libelle',
		'titulo',
		'nombre',
		'evento',
		'titel',
		'ereignis',
		'bezeichnung',
		'uberschrift',
		'ueberschrift'
	],
	summary: [
		'description',
		'text',
		'summary',
		'details',
		'detail',
		'notes',
		'note',
		'content',
		'body',
		'desc',
		'texte',
		'resume',
		'descripcion',
		'texto',
		'resumen',
		'detalles',
		'beschreibung',
		'zusammenfassung',
		'inhalt',
		'notizen'
	],
	category: [
		'category',
		'group',
		'type',
		'kind',
		'tag',
		'tags',
		'lane',
		'theme',
		'topic',
		'categorie',
		'groupe',
		'categoria',
		'grupo',
		'tipo',
		'tema',
		'kategorie',
		'gruppe',
		'typ',
		'art',
		'thema'
	],
	place: [
		'place',
		'location',
		'where',
		'city',
		'country',
		'lieu',
		'endroit',
		'ville',
		'pays',
		'lugar',
		'ubicacion',
		'sitio',
		'ciudad',
		'pais',
		'ort',
		'standort',
		'stadt',
		'land'
	],
	url: [
		'url',
		'link',
		'source',
		'sourceurl',
		'lien',
		'enlace',
		'fuente',
		'quelle',
		'href',
		'website'
	]
};

/** A header name folded for matching: "Fecha_Inicio" → "fechainicio", "Libellé" → "libelle". */
export function foldHeader(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/ß/g, 'ss')
		.replace(/[^a-z0-9]+/g, '');
}

const EXACT = new Map<string, MappedField>();
for (const fieldName of MAPPED_FIELDS) {
	for (const word of SYNONYMS[fieldName]) if (!EXACT.has(word)) EXACT.set(word, fieldName);
}

/** The field a header names: by an exact word, else by the longest word it contains. */
function headerField(name: string): MappedField | undefined {
	const key = foldHeader(name);
	const exact = EXACT.get(key);
	if (exact) return exact;
	// "date_end", "fin_fecha": a column about the end of something is the end even beside "date".
	if (/^(end|fin|ende|bis)|(end|fin|ende)$/.test(key) && key.length > 3) return 'end';
	let best: { field: MappedField; length: number } | undefined;
	for (const fieldName of MAPPED_FIELDS) {
		for (const word of SYNONYMS[fieldName]) {
			if (word.length >= 4 && key.includes(word) && word.length > (best?.length ?? 0)) {
				best = { field: fieldName, length: word.length };
			}
		}
	}
	return best?.field;
}

const nonBlank = (values: readonly string[]) => values.filter((value) => value.trim());

/** The share of a column's non-blank values that read as dates. */
function dateShare(values: readonly string[]): number {
	const filled = nonBlank(values);
	if (!filled.length) return 0;
	return filled.filter((value) => parseLooseDate(value, 'day-first').ok).length / filled.length;
}

const meanLength = (values: readonly string[]) => {
	const filled = nonBlank(values);
	return filled.length
		? filled.reduce((sum, value) => sum + value.trim().length, 0) / filled.length
		: 0;
};

/** Guesses the mapping of a table's columns, from its header first and then from its values. */
export function guessMapping(table: Pick<CsvTable, 'header' | 'rows'>): {
	map: ColumnMap;
	dayOrder?: DayOrder;
	askDayOrder: boolean;
} {
	const map: ColumnMap = {};
	const used = new Set<number>();
	const column = (i: number) => table.rows.slice(0, 200).map(({ cells }) => cells[i] ?? '');
	table.header.forEach((name, i) => {
		const fieldName = name ? headerField(name) : undefined;
		if (fieldName && map[fieldName] === undefined) {
			map[fieldName] = name;
			used.add(i);
		}
	});
	const free = () =>
		table.header.map((name, i) => ({ name, i })).filter(({ name, i }) => name && !used.has(i));
	const take = (fieldName: MappedField, pick: { name: string; i: number } | undefined) => {
		if (!pick) return;
		map[fieldName] = pick.name;
		used.add(pick.i);
	};
	if (map.start === undefined) {
		const scored = free().map((c) => ({ ...c, share: dateShare(column(c.i)) }));
		take('start', scored.filter((c) => c.share >= 0.6).sort((a, b) => b.share - a.share)[0]);
	}
	if (map.title === undefined) {
		take(
			'title',
			free().find((c) => {
				const values = column(c.i);
				const length = meanLength(values);
				const numbers = nonBlank(values).every((value) => /^[\d\s.,+-]+$/.test(value));
				return length > 0 && length <= 100 && !numbers && dateShare(values) < 0.5;
			})
		);
	}
	if (map.summary === undefined) {
		take(
			'summary',
			free().find((c) => meanLength(column(c.i)) > 60)
		);
	}
	const dateValues = (['start', 'end'] as const).flatMap((fieldName) => {
		const i = table.header.indexOf(map[fieldName] ?? '\u0000');
		return i < 0 ? [] : table.rows.map(({ cells }) => cells[i] ?? '');
	});
	const dayOrder = guessDayOrder(dateValues);
	return { map, ...(dayOrder ? { dayOrder } : {}), askDayOrder: needsDayOrder(dateValues) };
}

/** A mapping request for a table whose columns Eventline does not know. */
export function mappingRequest(table: CsvTable): MappingRequest {
	const { map, dayOrder, askDayOrder } = guessMapping(table);
	return {
		header: table.header,
		rows: table.rows.slice(0, SAMPLE_ROWS).map(({ cells }) => cells),
		totalRows: table.rows.length,
		guess: map,
		...(dayOrder ? { dayOrder } : {}),
		askDayOrder
	};
}

/** Reads `start=date_local,title=label` (as `--map` takes it) into a mapping, or says what is wrong. */
export function parseMapArgument(text: string): { map: ColumnMap } | { error: string } {
	const map: ColumnMap = {};
	for (const pair of text.split(',').filter((part) => part.trim())) {
		const at = pair.indexOf('=');
		const name = pair.slice(0, at).trim();
		const columnName = pair.slice(at + 1).trim();
		if (at < 0 || !columnName)
			return { error: `"${pair}" should be field=column, such as start=Date` };
		if (!(MAPPED_FIELDS as readonly string[]).includes(name)) {
			return {
				error: `"${name}" is not a field to map; the fields are ${MAPPED_FIELDS.join(', ')}`
			};
		}
		map[name as MappedField] = columnName;
	}
	return { map };
}

/** A mapping written the way `--map` takes it. */
export function formatMapArgument(map: ColumnMap): string {
	return MAPPED_FIELDS.flatMap((name) =>
		map[name] === undefined ? [] : [`${name}=${map[name]}`]
	).join(',');
}
