import { mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildJsonSchemas } from './json-schemas';

// Writes schemas/<record>.schema.json next to dist/ so the package can ship them.
const dir = fileURLToPath(new URL('../schemas/', import.meta.url));
await rm(dir, { recursive: true, force: true });
await mkdir(dir, { recursive: true });
const schemas = buildJsonSchemas();
for (const [name, schema] of Object.entries(schemas)) {
  await writeFile(`${dir}${name}.schema.json`, `${JSON.stringify(schema, null, 2)}\n`);
}
console.log(`wrote ${Object.keys(schemas).length} JSON Schemas to schemas/`);
