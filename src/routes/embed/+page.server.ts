import bundled from '$lib/data/events.json';
import { loadBundledTimeline } from '$lib/ingest/load';

export const prerender = true;

/** Validated and prepared at build time: an invalid events.json fails the build, naming the problem. */
export const load = () => ({ timeline: loadBundledTimeline(bundled) });
