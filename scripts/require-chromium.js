/** Stops `npm test` early, with the fix, when no Chromium can be found. */
import { findChromium } from './chromium.js';

const found = findChromium();
if (!found) {
	console.error(`No Chromium found for the end-to-end tests.
Install one, then run npm test again:
  Debian/Ubuntu:  sudo apt-get install -y chromium
  elsewhere:      npx playwright install chromium
or point CHROMIUM_PATH at an existing Chromium or Chrome executable.`);
	process.exit(1);
}
console.log(`end-to-end tests will use ${found}`);
