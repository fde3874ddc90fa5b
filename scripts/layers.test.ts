import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../eslint.config.js';

// The one-direction rule is a lint rule, so that CI fails when an import runs back up. These cases
// prove it fires, rather than trusting the configuration to say what it seems to.
const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function problems(file: string, code: string) {
	const [result] = await eslint.lintText(code, { filePath: file });
	return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports');
}

describe('one direction between the folders of src/lib', () => {
	it('lists the folders in the order data flows', () => {
		expect(LAYERS.indexOf('model')).toBeLessThan(LAYERS.indexOf('layout'));
		expect(LAYERS.indexOf('layout')).toBeLessThan(LAYERS.indexOf('state'));
		expect(LAYERS.indexOf('state')).toBeLessThan(LAYERS.indexOf('interaction'));
		expect(LAYERS.indexOf('interaction')).toBeLessThan(LAYERS.indexOf('components'));
	});

	it.each([
		['src/lib/model/probe.ts', "import { layoutFrame } from '$lib/layout/frame';"],
		['src/lib/layout/probe.ts', "import type { TimelineView } from '$lib/state/view.svelte';"],
		['src/lib/state/probe.ts', "import { zoomable } from '$lib/interaction/zoom';"],
		[
			'src/lib/ingest/probe.ts',
			"import { formatRange } from '$lib/format/describe';\nimport x from '$lib/components/Axis.svelte';"
		],
		['src/lib/layout/probe.ts', "import { DEFAULT_LAYOUT } from '../state/view.svelte';"]
	])('rejects an import that runs back up from %s', async (file, code) => {
		expect((await problems(file, code)).length).toBeGreaterThan(0);
	});

	it.each([
		['src/lib/layout/probe.ts', "import { findEvent } from '$lib/model/timeline';"],
		['src/lib/components/probe.ts', "import { zoomable } from '$lib/interaction/zoom';"],
		['src/lib/state/probe.ts', "import { DEFAULT_LAYOUT } from '$lib/layout/lanes';"]
	])('accepts an import that follows the flow in %s', async (file, code) => {
		expect(await problems(file, code)).toEqual([]);
	});
});
