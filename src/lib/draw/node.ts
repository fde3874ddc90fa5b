/**
 * The drawing as data: SVG elements with their attributes and text, built from layout output by pure
 * functions. The page's components render these nodes and the export serialises the same nodes, so
 * what the screen draws and what the figure holds cannot drift apart.
 */
import { element, escapeXml } from './xml';

/** The SVG elements a drawing is made of. */
export type SvgTag = 'g' | 'svg' | 'rect' | 'path' | 'line' | 'text' | 'tspan' | 'title' | 'desc';

/** Presentation attributes; undefined ones are left out. */
export type SvgAttributes = Readonly<Record<string, string | number | undefined>>;

/** One SVG element: its attributes, and either text or child elements. */
export interface SvgNode {
	readonly tag: SvgTag;
	readonly attrs: SvgAttributes;
	/** Character data, always written as text, never as markup. */
	readonly text?: string;
	readonly children?: readonly SvgNode[];
}

/** A node with `content` as its text (a string) or its children (an array). */
export function svgNode(
	tag: SvgTag,
	attrs: SvgAttributes,
	content?: string | readonly SvgNode[]
): SvgNode {
	if (content === undefined) return { tag, attrs };
	return typeof content === 'string'
		? { tag, attrs, text: content }
		: { tag, attrs, children: content };
}

/**
 * Nodes as XML text: attribute values and text escaped, numbers rounded to two decimals. Class names
 * are left out: they are the page's hooks for its stylesheet, and a figure carries every style as a
 * presentation attribute, with no stylesheet to need them.
 */
export function toXml(nodes: readonly SvgNode[]): string {
	let out = '';
	for (const n of nodes) {
		const inner = n.children ? toXml(n.children) : n.text !== undefined ? escapeXml(n.text) : '';
		out += element(n.tag, { ...n.attrs, class: undefined }, inner);
	}
	return out;
}
