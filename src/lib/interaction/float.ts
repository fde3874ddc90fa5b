/**
 * Keeps a floating element (the tooltip) beside a reference element with @floating-ui/dom: above the
 * mark, flipped below or to the side when there is no room, shifted to stay in the viewport, and never
 * over the mark it describes.
 */
import type { Attachment } from 'svelte/attachments';

/**
 * Attachment placing the element next to `reference`; re-run it when the reference moves. The
 * positioning library loads on the first tooltip, not with the page; the element stays hidden
 * (no `data-placement`) until it is placed.
 */
export function floatBeside(reference: Element | undefined): Attachment<HTMLElement> {
	return (floating) => {
		if (!reference) return;
		let stop: (() => void) | undefined;
		let detached = false;
		void import('@floating-ui/dom').then(
			({ autoUpdate, computePosition, flip, offset, shift, size }) => {
				if (detached) return;
				const place = () =>
					computePosition(reference, floating, {
						strategy: 'fixed',
						placement: 'top',
						middleware: [
							offset(10),
							flip({ fallbackPlacements: ['bottom', 'right', 'left'] }),
							shift({ padding: 8 }),
							size({
								padding: 8,
								apply({ availableHeight }) {
									floating.style.maxHeight = `${Math.max(120, availableHeight)}px`;
								}
							})
						]
					}).then(({ x, y, placement }) => {
						floating.style.left = `${x}px`;
						floating.style.top = `${y}px`;
						floating.dataset.placement = placement;
					});
				stop = autoUpdate(reference, floating, place);
			}
		);
		return () => {
			detached = true;
			stop?.();
		};
	};
}
