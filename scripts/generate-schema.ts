/** Writes src/lib/data/events.schema.json from the valibot schema: `npm run schema`. */
import { writeFileSync } from 'node:fs';
import { datasetJsonSchema } from './json-schema';

const target = new URL('../src/lib/data/events.schema.json', import.meta.url);
writeFileSync(target, datasetJsonSchema());
console.log(`wrote ${target.pathname}`);
