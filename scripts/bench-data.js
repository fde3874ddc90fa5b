/**
 * Deterministic synthetic datasets for `npm run bench`, shaped like a conflict tracker's export:
 * three years of events in UTC, eight categories, bursty (most days a handful of events, a few days
 * hundreds), a realistic mix of date precisions, about 15% spans, varied titles, certainty, actors
 * and places. Plain JavaScript so the benchmark runs on Node without a build step.
 */

/** @typedef {'confirmed' | 'reported' | 'alleged'} Certainty */
/** @typedef {'night' | 'early-morning' | 'morning' | 'midday' | 'afternoon' | 'evening'} PartOfDay */

/**
 * One event as the generator writes it: the subset of the app's `TimelineEvent` it uses.
 * @typedef {object} BenchEvent
 * @property {string} id
 * @property {string} title
 * @property {string} start
 * @property {string} [end]
 * @property {'hour' | 'part-of-day' | 'month'} [precision]
 * @property {PartOfDay} [partOfDay]
 * @property {boolean} [approximate]
 * @property {string} category
 * @property {string[]} [actors]
 * @property {string[]} [places]
 * @property {Certainty} certainty
 */

/**
 * A generated data file: the subset of the app's `Dataset` the generator writes.
 * @typedef {object} BenchDataset
 * @property {string} title
 * @property {string} description
 * @property {'UTC'} timeZone
 * @property {{ name: string }} source
 * @property {{ id: string, label: string }[]} categories
 * @property {BenchEvent[]} events
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FIRST_DAY = Date.UTC(2022, 0, 1);
/** 2022-01-01 to 2024-12-31 (2024 is a leap year). */
const DAYS = 1096;
/** Share of days that are bursts (an offensive, a mass protest): each gets ~25× a normal day. */
const BURST_DAY_SHARE = 0.03;
/** Share of events with an `end`; drawn only for the precisions a span makes sense for. */
const SPAN_SHARE = 0.15;

/**
 * Lanes with the relative frequency a tracker sees them at, and title templates of varied length
 * (the app's label fitting and text measurement should see short and long titles alike).
 * @type {{ id: string, label: string, weight: number, titles: string[] }[]}
 */
const CATEGORIES = [
	{
		id: 'shelling',
		label: 'Shelling',
		weight: 5,
		titles: [
			'Shelling reported near {town}',
			'Artillery fire hits {town}',
			'Overnight shelling of the outskirts of {town} damages several residential buildings'
		]
	},
	{
		id: 'airstrike',
		label: 'Air strikes',
		weight: 3,
		titles: ['Air strike on {town}', 'Air strikes reported around {town} and nearby villages']
	},
	{
		id: 'drone',
		label: 'Drones',
		weight: 3,
		titles: [
			'Drone attack on {town}',
			'Drones shot down over {town}',
			'Drone hits a fuel depot outside {town}'
		]
	},
	{
		id: 'ground',
		label: 'Ground fighting',
		weight: 3,
		titles: [
			'Clashes near {town}',
			'Forces advance towards {town}',
			'Heavy fighting continues along the road between {town} and the river crossing'
		]
	},
	{
		id: 'civilian',
		label: 'Civilian harm',
		weight: 2,
		titles: ['Civilians killed in {town}', 'Residential block hit in {town}, casualties reported']
	},
	{
		id: 'protest',
		label: 'Protests',
		weight: 1,
		titles: ['Protest in {town}', 'Thousands march in {town} against the mobilisation order']
	},
	{
		id: 'diplomacy',
		label: 'Diplomacy',
		weight: 1,
		titles: [
			'Talks held in {town}',
			'Foreign ministers meet in {town}; ceasefire proposal discussed'
		]
	},
	{
		id: 'infrastructure',
		label: 'Infrastructure',
		weight: 2,
		titles: ['Power cut in {town}', 'Water supply to {town} restored after three days']
	}
];

/** Each category repeated by its weight, so a uniform pick from it is a weighted pick. */
const CATEGORY_DRAW = CATEGORIES.flatMap((category) =>
	Array.from({ length: category.weight }, () => category)
);

const ACTORS = [
	'Northern Army',
	'Southern Army',
	'Volunteer Battalion',
	'Air Force',
	'Militia',
	'Regional Administration',
	'Red Cross',
	'UN Monitoring Mission'
];
const CERTAINTIES = /** @type {const} */ (['confirmed', 'reported', 'alleged']);
/** Each part of the day paired with an hour inside it, so the written part agrees with the clock. */
const PARTS = /** @type {const} */ ([
	['night', 2],
	['early-morning', 5],
	['morning', 9],
	['midday', 12],
	['afternoon', 15],
	['evening', 20]
]);
/** 300 towns; a Zipf-like pick below makes a few of them front-line hot spots. */
const TOWNS = 300;

/**
 * mulberry32: a tiny seeded PRNG, so the same seed gives the same file on every machine and Node
 * version (Math.random cannot be seeded).
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
function mulberry32(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * One of `items`, uniformly.
 * @template T
 * @param {() => number} random
 * @param {readonly T[]} items
 * @returns {T}
 */
const pick = (random, items) => /** @type {T} */ (items[Math.floor(random() * items.length)]);

/** Two-digit zero padding for date fields. */
const pad2 = (/** @type {number} */ n) => String(n).padStart(2, '0');

/**
 * ISO text of a UTC instant cut to a precision. Written by hand, not with toISOString().slice, to
 * make plain which fields each precision spells out.
 * @param {number} ms
 * @param {'month' | 'day' | 'hour' | 'minute'} unit
 */
function isoUtc(ms, unit) {
	const d = new Date(ms);
	const month = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}`;
	if (unit === 'month') return month;
	const day = `${month}-${pad2(d.getUTCDate())}`;
	if (unit === 'day') return day;
	return `${day}T${pad2(d.getUTCHours())}:${unit === 'hour' ? '00' : pad2(d.getUTCMinutes())}`;
}

/** Thousands separators without Intl, whose output may differ between ICU builds. */
const grouped = (/** @type {number} */ n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * The date fields of one event at instant `at` on day `day`. The precision mix: exact times
 * dominate, then whole days, part-of-day reports, a few hour-precision ones and a few known only to
 * the month; minute, hour and day events may be spans.
 * @param {() => number} random
 * @param {number} day days since 2022-01-01
 * @param {number} at the event's instant (ms, UTC)
 * @returns {Pick<BenchEvent, 'start' | 'end' | 'precision' | 'partOfDay' | 'approximate'>}
 */
function dateFields(random, day, at) {
	const roll = random();
	if (roll >= 0.97) return { start: isoUtc(at, 'month'), precision: 'month', approximate: true };
	if (roll >= 0.85) {
		const [partOfDay, hour] = pick(random, PARTS);
		const start = isoUtc(FIRST_DAY + day * DAY + hour * HOUR, 'day');
		return { start, precision: 'part-of-day', partOfDay };
	}
	const unit = roll < 0.5 ? 'minute' : roll < 0.55 ? 'hour' : 'day';
	/** @type {ReturnType<typeof dateFields>} */
	const fields = { start: isoUtc(at, unit) };
	if (unit === 'hour') fields.precision = 'hour';
	if (unit === 'day' && random() < 0.1) fields.approximate = true;
	// Only these 85% of events get spans, so scale the draw to make spans ~15% of all events.
	// Durations are log-uniform from one hour to four weeks; a day span ends on a later day.
	if (random() < SPAN_SHARE / 0.85) {
		const duration = HOUR * Math.exp(random() * Math.log(28 * 24));
		fields.end = isoUtc(at + Math.max(unit === 'day' ? DAY : HOUR, duration), unit);
	}
	return fields;
}

/**
 * How many events each day gets, and whether it is a burst day. Ordinary days get a handful-sized
 * weight, burst days ~25×, and a slow swell over months makes quiet and intense periods alternate
 * as in a real conflict. Each event then draws its day by weight.
 * @param {() => number} random
 * @param {number} count
 * @returns {{ burst: boolean, events: number }[]}
 */
function planDays(random, count) {
	const days = [];
	const cumulative = [];
	let total = 0;
	for (let day = 0; day < DAYS; day++) {
		const season = 1 + 0.6 * Math.sin((day / DAYS) * 6 * Math.PI);
		const burst = random() < BURST_DAY_SHARE;
		total += burst ? 15 + random() * 25 : season * (0.2 + random() * 1.6);
		days.push({ burst, events: 0 });
		cumulative.push(total);
	}
	for (let i = 0; i < count; i++) {
		const target = random() * total;
		let lo = 0;
		let hi = DAYS - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if ((cumulative[mid] ?? total) > target) hi = mid;
			else lo = mid + 1;
		}
		const chosen = days[lo];
		if (chosen) chosen.events++;
	}
	return days;
}

/**
 * The `count` synthetic conflict-tracker events, one at a time: the same events
 * {@link generateDataset} lists, without holding them all (ten million events stream to a file).
 * Events come in date order with shuffled times within a day, as a tracker's daily export would,
 * and ids `e000001`… follow it.
 * @param {number} count number of events
 * @param {number} [seed] PRNG seed @default 1
 * @returns {Generator<BenchEvent>}
 */
export function* generateEvents(count, seed = 1) {
	const random = mulberry32(seed);
	let made = 0;
	const days = planDays(random, count);
	for (let day = 0; day < days.length; day++) {
		const plan = /** @type {{ burst: boolean, events: number }} */ (days[day]);
		// Burst days pile most of their events into a few hours: dense clusters at every zoom level.
		const burstHour = Math.floor(random() * 21);
		for (let n = 0; n < plan.events; n++) {
			const minute =
				plan.burst && random() < 0.7
					? burstHour * 60 + Math.floor(random() * 180)
					: Math.floor(random() * 1440);
			const at = FIRST_DAY + day * DAY + minute * 60_000;
			const category = pick(random, CATEGORY_DRAW);
			// Zipf-like: squaring a uniform number favours low town numbers.
			const town = `Town ${1 + Math.floor(random() ** 2 * TOWNS)}`;
			const certaintyRoll = random();

			const event = /** @type {BenchEvent} */ ({
				id: `e${String(++made).padStart(6, '0')}`,
				title: pick(random, category.titles).replace('{town}', town),
				...dateFields(random, day, at),
				category: category.id,
				certainty: CERTAINTIES[certaintyRoll < 0.45 ? 0 : certaintyRoll < 0.85 ? 1 : 2]
			});
			if (random() < 0.35) {
				const first = pick(random, ACTORS);
				const second = pick(random, ACTORS);
				event.actors = random() < 0.3 && second !== first ? [first, second] : [first];
			}
			if (random() < 0.6) event.places = [town];
			yield event;
		}
	}
}

/**
 * An Eventline dataset of `count` synthetic conflict-tracker events (see {@link generateEvents}).
 * Deterministic: the same `count` and `seed` always give byte-identical `JSON.stringify` output.
 * @param {number} count number of events
 * @param {number} [seed] PRNG seed @default 1
 * @returns {BenchDataset}
 */
export function generateDataset(count, seed = 1) {
	return {
		title: `Synthetic conflict events (${grouped(count)})`,
		description:
			'Generated for the benchmark: three bursty years, eight categories, mixed precisions and spans.',
		timeZone: 'UTC',
		source: { name: `Eventline benchmark generator, seed ${seed}` },
		categories: CATEGORIES.map(({ id, label }) => ({ id, label })),
		events: [...generateEvents(count, seed)]
	};
}
