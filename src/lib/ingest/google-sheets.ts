/**
 * A Google Sheet's address, in any form TimelineJS accepts, turned into the address of that sheet's
 * published CSV: the way most TimelineJS users keep their data. The download only works once the
 * sheet is published to the web (File → Share → Publish to web); Google then serves it to any site.
 */

/** Sheet ids as Google writes them: letters, digits, `-` and `_`; real ones are 44 characters (40 or more is asked, so a file name is never taken for one). */
const BARE_ID = /^[A-Za-z0-9_-]{40,}$/;
/** TimelineJS's short form of a published sheet's id: `v2:2PACX-…`. */
const V2_ID = /^v2:(2PACX-[A-Za-z0-9_-]+)$/;
const SHEETS_PATH = /^\/spreadsheets(?:\/u\/\d+)?\/d\/(e\/)?([A-Za-z0-9_-]+)/;

/** The sheet (tab) an address names, from `?gid=` or `#gid=`. */
function gidOf(url: URL): string | undefined {
	const gid = url.searchParams.get('gid') ?? /(?:^#|[#&])gid=(\d+)/.exec(url.hash)?.[1];
	return gid && /^\d+$/.test(gid) ? gid : undefined;
}

function csvUrl(id: string, published: boolean, gid: string | undefined): string {
	const query = new URLSearchParams(gid ? { gid, single: 'true' } : {});
	query.set('output', 'csv');
	return `https://docs.google.com/spreadsheets/d/${published ? 'e/' : ''}${id}/pub?${query}`;
}

/**
 * The published-CSV address of the Google Sheet that `input` names, or undefined when it names none:
 * a bare sheet id, `v2:2PACX-…`, `…/spreadsheets/d/<id>/edit#gid=…`, `/pubhtml`, `/u/1/d/…`,
 * `/d/e/2PACX-…/pubhtml?gid=…`, `/pub?output=csv`, the old `spreadsheet/ccc?key=…`, or a TimelineJS
 * embed address whose `source` is one of those.
 */
export function googleSheetCsvUrl(input: string): string | undefined {
	const text = input.trim();
	const v2 = V2_ID.exec(text);
	if (v2?.[1]) return csvUrl(v2[1], true, undefined);
	if (BARE_ID.test(text)) return csvUrl(text, false, undefined);
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return undefined;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
	// TimelineJS's own embed page names the sheet in `source`.
	const source = url.searchParams.get('source');
	if (source && url.hostname !== 'docs.google.com') return googleSheetCsvUrl(source);
	if (url.hostname !== 'docs.google.com') return undefined;
	const key = url.searchParams.get('key');
	if (/^\/spreadsheet\//.test(url.pathname) && key && /^[A-Za-z0-9_-]+$/.test(key)) {
		return csvUrl(key, false, gidOf(url));
	}
	const match = SHEETS_PATH.exec(url.pathname);
	if (!match?.[2]) return undefined;
	return csvUrl(match[2], Boolean(match[1]), gidOf(url));
}
