/**
 * Deterministic synthetic datasets for the benchmark: conflict-tracker-like events over three
 * years, bursty (most days a handful, some days hundreds), points and spans, eight categories.
 */

/**
 * A small seeded PRNG (mulberry32): the same seed gives the same numbers on every machine.
 * @param {number} seed
 */
function random(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const CATEGORIES = [
	'shelling',
	'airstrike',
	'drone',
	'ground',
	'protest',
	'diplomacy',
	'aid',
	'infrastructure'
];
const VERBS = [
	'Shelling reported near',
	'Drone strike on',
	'Clashes around',
	'Protest in',
	'Talks held in',
	'Aid convoy reaches',
	'Power cut in',
	'Air raid alert over'
];
const PARTS = ['night', 'early-morning', 'morning', 'midday', 'afternoon', 'evening'];
const CERTAINTY = ['confirmed', 'reported', 'alleged'];
const DAY = 86_400_000;

const iso = (/** @type {number} */ t, /** @type {number} */ length) =>
	new Date(t).toISOString().slice(0, length);

/**
 * An Eventline dataset of `count` events.
 * @param {number} count
 * @param {number} [seed]
 */
export function generateDataset(count, seed = 42) {
	const next = random(seed + count);
	const start = Date.UTC(2022, 0, 1);
	const days = 3 * 365;
	// A few burst days gather a large share of the events.
	const bursts = Array.from({ length: 12 }, () => Math.floor(next() * days));
	const events = [];
	for (let i = 0; i < count; i++) {
		const day =
			next() < 0.35 ? bursts[Math.floor(next() * bursts.length)] : Math.floor(next() * days);
		const t = start + day * DAY + Math.floor(next() * DAY);
		const category = CATEGORIES[Math.floor(next() * CATEGORIES.length)];
		const verb = VERBS[Math.floor(next() * VERBS.length)];
		const roll = next();
		/** @type {Record<string, unknown>} */
		const event = {
			id: `e${String(i).padStart(6, '0')}`,
			title: `${verb} Town ${Math.floor(next() * 500)}${next() < 0.3 ? ', several casualties reported by local officials' : ''}`,
			category,
			certainty: CERTAINTY[Math.floor(next() * CERTAINTY.length)]
		};
		if (roll < 0.45) event.start = iso(t, 16);
		else if (roll < 0.75) event.start = iso(t, 10);
		else if (roll < 0.9) {
			event.start = iso(t, 10);
			event.precision = 'part-of-day';
			event.partOfDay = PARTS[Math.floor(next() * PARTS.length)];
		} else if (roll < 0.92) event.start = iso(t, 7);
		else {
			event.start = iso(t, 16);
			event.end = iso(t + Math.floor(next() * 14 * DAY) + 3_600_000, 16);
		}
		if (next() < 0.3) event.actors = [`Unit ${Math.floor(next() * 40)}`];
		if (next() < 0.4) event.places = [`Town ${Math.floor(next() * 500)}`];
		events.push(event);
	}
	return {
		title: `Synthetic conflict events (${count.toLocaleString('en')})`,
		description: 'Generated for the benchmark: bursty days, points and spans, eight categories.',
		timeZone: 'UTC',
		categories: CATEGORIES.map((id) => ({ id, label: id[0]?.toUpperCase() + id.slice(1) })),
		events
	};
}
