/**
 * Light or dark: the reader's own choice, remembered, or else what their system prefers. The choice
 * is written to `<html data-theme>`, which app.css and the export read.
 */
import { DARK, LIGHT, type Theme } from '$lib/layout/theme';

const KEY = 'eventline-theme';

/** The theme setting: an explicit choice or the system's. */
export type ThemeChoice = 'light' | 'dark' | 'system';

/** The theme in force and the reader's choice. */
export class ThemeState {
	choice: ThemeChoice = $state('system');

	/** Restores the remembered choice (in the browser only). */
	restore() {
		const saved = localStorage.getItem(KEY);
		if (saved === 'light' || saved === 'dark') this.set(saved);
	}

	/** Applies and remembers a choice. */
	set(choice: ThemeChoice) {
		this.choice = choice;
		const root = document.documentElement;
		if (choice === 'system') {
			delete root.dataset.theme;
			localStorage.removeItem(KEY);
		} else {
			root.dataset.theme = choice;
			localStorage.setItem(KEY, choice);
		}
	}

	/** The theme being shown now. */
	get shown(): 'light' | 'dark' {
		if (this.choice !== 'system') return this.choice;
		return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
			? 'dark'
			: 'light';
	}

	/** The colours of the theme being shown, for drawings and exported figures. */
	get figure(): Theme {
		return this.shown === 'dark' ? DARK : LIGHT;
	}
}
