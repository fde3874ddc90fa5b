import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.{test,spec}.ts', 'scripts/**/*.test.ts'],
		setupFiles: ['src/test-setup.ts'],
		environment: 'node'
	}
});
