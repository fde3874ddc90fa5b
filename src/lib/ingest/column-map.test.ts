import { describe, expect, it } from 'vitest';
import { readCsv } from './csv';
import {
	foldHeader,
	formatMapArgument,
	guessMapping,
	parseMapArgument,
	type ColumnMap
} from './column-map';

const table = (text: string, delimiter: ',' | ';' | '\t' = ',') => {
	const read = readCsv(text, delimiter);
	if (!read) throw new Error('no table');
	return read;
};

describe('guessMapping reads headers in four languages', () => {
	const rows: { name: string; csv: string; delimiter?: ',' | ';' | '\t'; expected: ColumnMap }[] = [
		{
			name: 'English',
			csv: 'When,Label,Description,Group,Where\n2024-01-02,Opening,The doors open,Site,Lyon',
			expected: {
				start: 'When',
				title: 'Label',
				summary: 'Description',
				category: 'Group',
				place: 'Where'
			}
		},
		{
			name: 'French',
			csv: 'Date début;Date fin;Titre;Texte;Catégorie;Lieu\n02/01/2024;03/01/2024;Ouverture;Les portes;Site;Lyon',
			delimiter: ';',
			expected: {
				start: 'Date début',
				end: 'Date fin',
				title: 'Titre',
				summary: 'Texte',
				category: 'Catégorie',
				place: 'Lieu'
			}
		},
		{
			name: 'Spanish',
			csv: 'Fecha,Fecha fin,Título,Descripción,Grupo,Lugar,Enlace\n2024-01-02,,Apertura,,,,',
			expected: {
				start: 'Fecha',
				end: 'Fecha fin',
				title: 'Título',
				summary: 'Descripción',
				category: 'Grupo',
				place: 'Lugar',
				url: 'Enlace'
			}
		},
		{
			name: 'German',
			csv: 'Datum\tEnde\tTitel\tBeschreibung\tKategorie\tOrt\n2.1.2024\t\tEröffnung\t\t\t',
			delimiter: '\t',
			expected: {
				start: 'Datum',
				end: 'Ende',
				title: 'Titel',
				summary: 'Beschreibung',
				category: 'Kategorie',
				place: 'Ort'
			}
		},
		{
			name: 'names with a date word inside',
			csv: 'date_local,event_name,date_end\n2024-01-02,Opening,2024-01-03',
			expected: { start: 'date_local', title: 'event_name', end: 'date_end' }
		}
	];
	for (const { name, csv, delimiter, expected } of rows) {
		it(name, () => expect(guessMapping(table(csv, delimiter)).map).toEqual(expected));
	}
});

describe('guessMapping reads values where the header says nothing', () => {
	it('finds the column of dates, a short text for the title and a long one for the description', () => {
		const long = 'A much longer account of what happened on that day with names and places in it.';
		const csv = [
			'col1,col2,col3,col4',
			`7,Opening,11-Mar-15,${long}`,
			`8,Closing,12-Mar-15,${long}`,
			`9,Reopening,c. 2016,${long}`
		].join('\n');
		expect(guessMapping(table(csv)).map).toEqual({ start: 'col3', title: 'col2', summary: 'col4' });
	});

	it('tells day-first dates from a value over 12, and asks when nothing tells', () => {
		const dayFirst = guessMapping(table('date,title\n1/2/2024,A\n25/2/2024,B'));
		expect(dayFirst).toMatchObject({ dayOrder: 'day-first', askDayOrder: false });
		const monthFirst = guessMapping(table('date,title\n1/2/2024,A\n2/25/2024,B'));
		expect(monthFirst).toMatchObject({ dayOrder: 'month-first', askDayOrder: false });
		const open = guessMapping(table('date,title\n1/2/2024,A\n3/4/2024,B'));
		expect(open.dayOrder).toBeUndefined();
		expect(open.askDayOrder).toBe(true);
	});
});

describe('--map', () => {
	it('reads field=column pairs and writes them back', () => {
		const parsed = parseMapArgument('start=date_local,title=label');
		expect(parsed).toEqual({ map: { start: 'date_local', title: 'label' } });
		if ('map' in parsed) expect(formatMapArgument(parsed.map)).toBe('start=date_local,title=label');
	});
	it('says what is wrong with a bad pair', () => {
		expect(parseMapArgument('when=date')).toEqual({
			error: expect.stringMatching(/"when" is not a field/)
		});
		expect(parseMapArgument('start')).toEqual({ error: expect.stringMatching(/field=column/) });
	});
	it('folds headers for matching', () => {
		expect(foldHeader(' Fecha_Início ')).toBe('fechainicio');
		expect(foldHeader('Straße')).toBe('strasse');
	});
});
