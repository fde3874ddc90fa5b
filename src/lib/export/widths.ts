/**
 * How wide an exported figure is: presets a newsroom asks for, or the timeline's width on screen.
 * Kept apart from the figure builder, which the page loads only when someone exports.
 */

/** Space around the figure's content, in pixels. */
export const MARGIN = 24;

/** Figure widths a newsroom asks for, in pixels across the whole figure. */
export const WIDTH_PRESETS = {
	/** A text column. */
	column: 640,
	/** A page or a slide. */
	page: 1000,
	/** A wide feature or a poster. */
	wide: 1600
} as const;

/** A preset width, or the width of the timeline on screen. */
export type FigureWidth = keyof typeof WIDTH_PRESETS | 'screen';

/**
 * The width of the timeline drawing for a figure `choice` wide: the preset less the margins, or the
 * screen's own drawing width. The layout is redone at that width, not scaled.
 */
export function frameWidthFor(choice: FigureWidth, screenWidth: number): number {
	return choice === 'screen' ? screenWidth : WIDTH_PRESETS[choice] - 2 * MARGIN;
}
