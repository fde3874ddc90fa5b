import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ strict: true }),
		// Nonces cannot work on a static site, so SvelteKit hashes its own inline bootstrap
		// script instead; no other inline script can run, whatever a data file contains.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				// Data files show their pictures (https only), as TimelineJS does: a reader's browser
				// then asks the picture's host for it.
				'img-src': ['self', 'data:', 'blob:', 'https:'],
				'connect-src': ['self', 'https:', 'http:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
