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
	/**
	 * Which part of the drawing this is, unique among its siblings, so a renderer keeps the same
	 * element for it when parts before it come and go (an axis tick entering at the left edge).
	 * Not written to the exported file.
	 */
	readonly key?: string;
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

/** `node` as the part `key` of its drawing (see {@link SvgNode.key}). */
export const keyed = (node: SvgNode, key: string): SvgNode => ({ ...node, key });

/**
 * A number rounded as the exported file writes it (two decimals), `dx` pixels to the left: a
 * drawing placed by a moving origin keeps the same values, so the page's elements are not touched.
 */
export const px = (value: number, dx = 0): number => Math.round((value - dx) * 100) / 100;

/** True when `a` and `b` draw the same: tags, attributes, text and children alike. */
export function sameNodes(a: readonly SvgNode[], b: readonly SvgNode[]): boolean {
	if (a === b) return true;
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) {
		const n = a[i] as SvgNode;
		const m = b[i] as SvgNode;
		if (n.tag !== m.tag || n.text !== m.text || n.key !== m.key) return false;
		const keys = Object.keys(n.attrs);
		if (keys.length !== Object.keys(m.attrs).length) return false;
		for (const key of keys) if (n.attrs[key] !== m.attrs[key]) return false;
		if (n.children || m.children) {
			if (!n.children || !m.children || !sameNodes(n.children, m.children)) return false;
		}
	}
	return true;
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
