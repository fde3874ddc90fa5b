import { readFileSync } from 'node:fs';
import { importData } from '../src/lib/ingest/import';
const [file, name] = process.argv.slice(2);
console.log(JSON.stringify(importData(readFileSync(file, 'utf8'), name ?? file), null, 1));
