/** Largest data file Eventline accepts (characters): beyond it a tab would freeze or run out of memory. */
export const MAX_FILE_CHARS = 100 * 1024 * 1024;
