/**
 * The JSON Schema of Eventline's data format, generated from the valibot definition so the two can
 * never disagree. Checks a schema cannot express (real calendar dates, known time zones) are left to
 * the validator.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import { DatasetSchema } from '../src/lib/model/schema';

/** The JSON Schema document, as it is written to src/lib/data/events.schema.json. */
export function datasetJsonSchema(): string {
	const schema = toJsonSchema(DatasetSchema, { errorMode: 'ignore', target: 'draft-07' });
	const document = {
		$schema: 'http://json-schema.org/draft-07/schema#',
		...schema,
		$id: 'https://eventline.invalid/events.schema.json',
		title: 'Eventline dataset',
		description:
			'Reported events with honest dates (precision, time zone, how the date is known) and their evidence.'
	};
	return JSON.stringify(document, null, '\t') + '\n';
}
