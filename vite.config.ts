import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// ES-module workers keep their dynamic imports as chunks of their own, so the Parquet reader is
	// fetched only when a Parquet file is opened (the worker is started with type: 'module').
	worker: { format: 'es' },
	test: {
		include: ['src/**/*.{test,spec}.ts', 'scripts/**/*.test.ts'],
		setupFiles: ['src/test-setup.ts'],
		environment: 'node',
		// Property tests run hundreds of cases; on a busy two-core machine that can pass 5 s. The
		// limit is for hangs: speed is measured by `npm run bench`, never by a unit test.
		testTimeout: 30_000
	}
});
