import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The folders of src/lib in the order data flows through them. A folder may import only folders
 * before it, so nothing runs back up: the domain knows nothing of layout, layout nothing of state.
 */
export const LAYERS = [
	'data',
	'model',
	'format',
	'ingest',
	'tiles',
	'layout',
	'draw',
	'export',
	'state',
	'interaction',
	'components'
];

/**
 * One rule block per layer, forbidding imports of every layer after it (and of the routes).
 * @type {import('eslint').Linter.Config[]}
 */
const oneDirection = LAYERS.flatMap((layer, i) => {
	const later = [...LAYERS.slice(i + 1), 'routes'];
	const backwards = {
		group: later.flatMap((name) => [`$lib/${name}`, `$lib/${name}/**`]),
		message: `${layer}/ comes before ${later.join(', ')} in the data flow (eslint.config.js LAYERS): it must not import them.`
	};
	// Parent-relative paths would hide which folder is imported; code names it with $lib/. Tests
	// may reach the repository's scripts and fixtures that way.
	const hidden = {
		group: ['../*', '../**'],
		message: 'Import another folder of src/lib with $lib/..., so the one-direction rule can see it.'
	};
	const files = `src/lib/${layer}/**/*`;
	return [
		{
			files: [`${files}.{ts,js,svelte}`],
			ignores: [`${files}.test.ts`],
			rules: { 'no-restricted-imports': ['error', { patterns: [backwards, hidden] }] }
		},
		{
			files: [`${files}.test.ts`],
			rules: { 'no-restricted-imports': ['error', { patterns: [backwards] }] }
		}
	];
});

export default ts.config(
	{
		ignores: [
			'.dbg/',
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-non-null-assertion': 'error',
			// Data from files is text; markup from data is the attack surface this product promises to close.
			'svelte/no-at-html-tags': 'error',
			'no-restricted-properties': [
				'error',
				{ property: 'innerHTML', message: 'Render data as text, never as markup.' },
				{ property: 'outerHTML', message: 'Render data as text, never as markup.' }
			]
		}
	},
	...oneDirection,
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	}
);
