/**
 * The colours a figure is drawn in, as literal values: an exported file cannot rely on the page's CSS
 * variables. The page's stylesheet (app.css) declares the same values; a test keeps them in step.
 */

/** Colours of one theme. */
export interface Theme {
	name: 'light' | 'dark';
	ink: string;
	inkSoft: string;
	paper: string;
	surface: string;
	rule: string;
	grid: string;
	band: string;
	bandOdd: string;
	accent: string;
}

/** The light theme. */
export const LIGHT: Theme = {
	name: 'light',
	ink: '#1b2330',
	inkSoft: '#4f5b6b',
	paper: '#fbfaf7',
	surface: '#ffffff',
	rule: '#d9dde3',
	grid: '#e6e8ec',
	band: '#ffffff',
	bandOdd: '#f4f5f7',
	accent: '#2f6fb0'
};

/** The dark theme. */
export const DARK: Theme = {
	name: 'dark',
	ink: '#e8ecf1',
	inkSoft: '#a9b4c2',
	paper: '#12161c',
	surface: '#1b2129',
	rule: '#343d49',
	grid: '#262e38',
	band: '#171c23',
	bandOdd: '#1d242d',
	accent: '#7fb0e6'
};

/** CSS custom properties for a theme, as app.css spells them. */
export function themeVariables(theme: Theme): Record<string, string> {
	return {
		'--ink': theme.ink,
		'--ink-soft': theme.inkSoft,
		'--paper': theme.paper,
		'--surface': theme.surface,
		'--rule': theme.rule,
		'--grid': theme.grid,
		'--band': theme.band,
		'--band-odd': theme.bandOdd,
		'--accent': theme.accent
	};
}

/** A font stack that degrades well in browsers, Inkscape, Illustrator and resvg. */
export const FONT_STACK =
	"'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', Arimo, 'DejaVu Sans', sans-serif";
/** Serif stack for the figure's title. */
export const DISPLAY_FONT_STACK =
	"Georgia, 'Times New Roman', 'DejaVu Serif', 'Liberation Serif', serif";
