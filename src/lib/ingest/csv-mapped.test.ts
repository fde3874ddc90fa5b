import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode';
import { importData } from './import';
import { setAsideFile } from './set-aside';

// A village festival's programme, as a French spreadsheet saves it: semicolons, day-first dates.
const festival = [
	'Date;Fin;Titre;Description;Catégorie;Lieu;Remarque',
	'14/07/2024;;Défilé;Les écoles en tête;Rue;Place de la mairie;x',
	'14/07/2024 22:30;;Feu d’artifice;;Ciel;Port;',
	'15/07/2024;17/07/2024;Tournoi;Pétanque;Sport;Boulodrome;',
	'vers 1890;;Premier festival;;Histoire;;',
	'le lendemain;;Rangement;;;;'
].join('\n');

describe('a CSV whose columns have other names', () => {
	it('is not guessed into events: the reader is asked, with a guess and the rows to preview', () => {
		const outcome = importData(festival, 'fete.csv');
		expect(outcome.dataset).toBeUndefined();
		expect(outcome.mapping?.guess).toEqual({
			start: 'Date',
			end: 'Fin',
			title: 'Titre',
			summary: 'Description',
			category: 'Catégorie',
			place: 'Lieu'
		});
		expect(outcome.mapping?.dayOrder).toBe('day-first');
		expect(outcome.mapping?.totalRows).toBe(5);
		expect(outcome.fatal.length).toBeGreaterThan(0);
	});

	it('loads through a mapping, every row it can read, with dates in their own precision', () => {
		const map = { start: 'Date', end: 'Fin', title: 'Titre', category: 'Catégorie', place: 'Lieu' };
		const outcome = importData(festival, 'fete.csv', { map, dayOrder: 'day-first' });
		expect(outcome.format).toBe('csv-mapped');
		const events = outcome.dataset?.events ?? [];
		expect(events.map((e) => [e.title, e.start, e.end, e.places?.[0]])).toEqual([
			['Défilé', '2024-07-14', undefined, 'Place de la mairie'],
			['Feu d’artifice', '2024-07-14T22:30', undefined, 'Port'],
			['Tournoi', '2024-07-15', '2024-07-17', 'Boulodrome'],
			['Premier festival', '1890', undefined, undefined]
		]);
		expect(events[3]).toMatchObject({ precision: 'year', approximate: true });
		expect(outcome.dataset?.categories?.map((c) => c.label)).toEqual([
			'Rue',
			'Ciel',
			'Sport',
			'Histoire'
		]);
		expect(outcome.notices[0]?.message).toBe(
			'Columns not mapped to a field were left out: Description, Remarque'
		);
		expect(outcome.rejected.map((r) => [r.where, r.issues[0]?.path])).toEqual([
			['row 6', 'row 6 (Date)']
		]);
		expect(setAsideFile(outcome, 'fete.csv')?.text).toContain('le lendemain,,Rangement');
	});

	it('asks with a guess in its message when no column name is one Eventline knows', () => {
		const outcome = importData('Jour;Nom\n11-Mar-15;Fête', 'x.csv');
		expect(outcome.fatal[0]?.message).toMatch(/a guess: start=Jour,title=Nom/);
		expect(outcome.mapping?.rows).toEqual([['11-Mar-15', 'Fête']]);
	});

	it('asks for the order of day and month before reading 1/2/2024, and reads it either way', () => {
		const csv = 'when,what\n1/2/2024,A\n3/4/2024,B';
		const map = { start: 'when', title: 'what' };
		const unsure = importData(csv, 'x.csv', { map });
		expect(unsure.rejected[0]?.issues[0]?.message).toMatch(/say whether the day or the month/);
		const us = importData(csv, 'x.csv', { map, dayOrder: 'month-first' });
		expect(us.dataset?.events.map((e) => e.start)).toEqual(['2024-01-02', '2024-03-04']);
		const eu = importData(csv, 'x.csv', { map, dayOrder: 'day-first' });
		expect(eu.dataset?.events.map((e) => e.start)).toEqual(['2024-02-01', '2024-04-03']);
	});

	it('loads BCE and approximate years as astronomical years', () => {
		const csv = 'Epoch,Name\n3300 BC,Bronze tools\nc. 500 BC,Iron tools\n44 av. J.-C.,Caesar dies';
		const outcome = importData(csv, 'x.csv', { map: { start: 'Epoch', title: 'Name' } });
		expect(outcome.rejected).toEqual([]);
		expect(outcome.dataset?.events.map((e) => [e.start, e.precision, e.approximate])).toEqual([
			['-3299', 'year', undefined],
			['-0499', 'year', true],
			['-0043', 'year', undefined]
		]);
	});

	it('says which mapped column is missing from the file', () => {
		const outcome = importData(festival, 'fete.csv', { map: { start: 'Jour', title: 'Titre' } });
		expect(outcome.fatal[0]?.message).toMatch(/has no column "Jour"/);
	});

	it('reads a Windows-1252 file with a tab between columns, through the decoder', () => {
		const header = new TextEncoder().encode('Datum\tTitel\n');
		// "3. März 2015<TAB>Eröffnung" in Windows-1252.
		const row = [
			...new TextEncoder().encode('3. M'),
			0xe4,
			...new TextEncoder().encode('rz 2015\tEr'),
			0xf6,
			...new TextEncoder().encode('ffnung')
		];
		const { text } = decodeBytes(new Uint8Array([...header, ...row]));
		const outcome = importData(text, 'de.tsv', { map: { start: 'Datum', title: 'Titel' } });
		expect(outcome.dataset?.events[0]).toMatchObject({ title: 'Eröffnung', start: '2015-03-03' });
	});

	it('reads a file with a byte order mark', () => {
		const outcome = importData('\uFEFFFecha,Título\n11-Mar-15,Apertura', 'es.csv', {
			map: { start: 'Fecha', title: 'Título' }
		});
		expect(outcome.dataset?.events[0]).toMatchObject({ title: 'Apertura', start: '2015-03-11' });
	});
});
