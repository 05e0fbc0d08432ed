import { z } from 'zod';
import { RECORD_SCHEMAS, type RecordName } from '../src/record-schemas';

/**
 * JSON Schemas (draft 2020-12) of every top-level record, describing the input a consumer may
 * send: fields with defaults are optional. Cross-field rules (shares summing to 100 %, status
 * history, references) are not expressible in JSON Schema and stay with the zod schemas.
 */
export function buildJsonSchemas(): Record<RecordName, Record<string, unknown>> {
  const entries = Object.entries(RECORD_SCHEMAS).map(([name, schema]) => {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' }) as Record<string, unknown>;
    const { $schema, ...rest } = json;
    return [name, { $schema, title: name, ...rest }];
  });
  return Object.fromEntries(entries) as Record<RecordName, Record<string, unknown>>;
}
