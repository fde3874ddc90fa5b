/**
 * A component loaded after the first paint: what only some readers reach (the export options, the
 * tooltip, the list of counts) stays out of the JavaScript the page waits on. `load` starts the
 * import once; `current` is the component when it has arrived, reactively. `whenIdle` loads it as
 * soon as the page is idle, so it is there before anyone reaches for it.
 */
export class LazyComponent<T> {
	current: T | undefined = $state.raw();
	#pending: Promise<T> | undefined;
	#importer: () => Promise<{ default: T }>;

	constructor(importer: () => Promise<{ default: T }>) {
		this.#importer = importer;
	}

	/** Starts loading (once) and resolves with the component. */
	load = (): Promise<T> =>
		(this.#pending ??= this.#importer().then((module) => (this.current = module.default)));

	/** Loads once the browser is idle after the first paint. */
	whenIdle() {
		const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
		idle(() => void this.load());
	}
}
