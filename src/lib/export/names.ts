/** File names for what Eventline saves. */

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
	const day = (t: number) => new Date(t).toISOString().slice(0, 10);
	return `${slug}_${day(domain[0])}_${day(domain[1])}.${extension}`;
}
