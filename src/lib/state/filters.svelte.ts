/**
 * What the reader narrowed the timeline to: a search, filters by category, actor and place, and how
 * lanes are grouped. Sets are replaced, never mutated, so every change is one assignment.
 */
import { GROUPINGS, setOf, toggled, type Grouping, type RefineOptions } from '$lib/model/refine';

/** Search, filters and grouping. */
export class FilterState {
	query = $state('');
	groupBy: Grouping = $state('category');
	categories: ReadonlySet<string> = $state.raw(setOf());
	actors: ReadonlySet<string> = $state.raw(setOf());
	places: ReadonlySet<string> = $state.raw(setOf());

	/** The filters and grouping as the refine step takes them. */
	options: RefineOptions = $derived({
		groupBy: this.groupBy,
		categories: this.categories,
		actors: this.actors,
		places: this.places
	});

	/** True when any filter narrows the events shown. */
	get filtering() {
		return this.categories.size + this.actors.size + this.places.size > 0;
	}

	/** Adds or removes a category from the filter. */
	toggleCategory(id: string) {
		this.categories = toggled(this.categories, id);
	}

	/** Clears the filters (the search stays). */
	clear() {
		this.categories = setOf();
		this.actors = setOf();
		this.places = setOf();
	}

	/** Sets everything from URL values, ignoring what does not make sense. */
	restore(values: {
		query?: string;
		groupBy?: string;
		categories?: string[];
		actors?: string[];
		places?: string[];
	}) {
		this.query = values.query ?? '';
		this.groupBy = GROUPINGS.find((g) => g === values.groupBy) ?? 'category';
		this.categories = setOf(values.categories);
		this.actors = setOf(values.actors);
		this.places = setOf(values.places);
	}
}
