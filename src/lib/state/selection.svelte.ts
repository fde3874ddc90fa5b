/**
 * Which event the reader is looking at: under the pointer, focused by keyboard, pinned in the detail
 * panel, or highlighted from the list. Ids only; the timeline resolves them.
 */
export class SelectionState {
	/** Under the mouse pointer. */
	hovered: string | undefined = $state();
	/** Holding keyboard focus on the timeline. */
	focused: string | undefined = $state();
	/** The cluster holding keyboard focus, by id (clusters are reached by keyboard too). */
	focusedCluster: string | undefined = $state();
	/** Pinned open in the detail panel (click, tap or Enter). */
	pinned: string | undefined = $state();
	/** Pointed at or focused in the event list. */
	highlighted: string | undefined = $state();
	/** Escape hides the focused event's tooltip until focus moves on. */
	tooltipHidden = $state(false);

	/** The event whose tooltip shows: the pointer wins over the keyboard; none for the pinned one. */
	get tooltip(): string | undefined {
		const id = this.hovered ?? (this.tooltipHidden ? undefined : this.focused);
		return id === this.pinned ? undefined : id;
	}

	/** True when the event is emphasised anywhere (hover, focus, pin or list). */
	isActive(id: string): boolean {
		return (
			this.hovered === id || this.focused === id || this.pinned === id || this.highlighted === id
		);
	}

	/** Forgets everything (a new timeline was loaded). */
	clear() {
		this.hovered = this.focused = this.pinned = this.highlighted = this.focusedCluster = undefined;
		this.tooltipHidden = false;
	}
}
