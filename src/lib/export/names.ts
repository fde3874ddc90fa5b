/** File names for what Eventline saves. */
import { civilFields, isCalendarYear } from '$lib/model/civil';

/** A file name that says what the file is: `dataset-title_2024-11-15_2024-11-19.svg`. */
export function figureFileName(
	title: string,
	domain: readonly [number, number],
	extension: 'svg' | 'png' | 'json'
): string {
	const slug =
		title
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60)
			.replace(/-+$/, '') || 'timeline';
	return `${slug}_${fileDate(domain[0])}_${fileDate(domain[1])}.${extension}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date for a file name: `2024-11-15`. ISO writes years outside 0–9999 as `+010400` and `-000400`,
 * which read as separators or options in a name; here they are `10400-01-01` and `401bce-01-01`
 * (year -400 is 401 BCE, year 0 being 1 BCE). Deep time is a year to four digits: `13800000000bce`.
 */
function fileDate(t: number): string {
	if (!Number.isFinite(t)) return 'undated';
	const { year, month, day } = civilFields(t);
	// Deep time is known to a few digits, and float milliseconds there are not whole years.
	const rounded = (n: number) => (isCalendarYear(year) ? n : Number(n.toPrecision(4)));
	const written = year < 1 ? `${rounded(1 - year)}bce` : String(rounded(year)).padStart(4, '0');
	return isCalendarYear(year) ? `${written}-${pad(month)}-${pad(day)}` : written;
}
