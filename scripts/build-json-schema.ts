// Writes data/schema/*.schema.json (JSON Schema for editors) from the runtime zod schema.
import { mkdirSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { collectionSchemas, metaSchema, optionalCollectionSchemas } from '../src/lib/model/schema.ts';

export function jsonSchemas(): Record<string, string> {
  const all = { 'meta.json': metaSchema, ...collectionSchemas, ...optionalCollectionSchemas } as Record<string, z.ZodType>;
  return Object.fromEntries(
    Object.entries(all).map(([file, schema]) => [
      file.replace('.json', '.schema.json'),
      `${JSON.stringify({ title: `Indo-Pacific Atlas ${file}`, ...z.toJSONSchema(schema, { io: 'input' }) }, null, 2)}\n`,
    ]),
  );
}

if (process.argv[1]?.endsWith('build-json-schema.ts')) {
  mkdirSync('data/schema', { recursive: true });
  for (const [name, text] of Object.entries(jsonSchemas())) writeFileSync(`data/schema/${name}`, text);
  console.log('data/schema: written');
}
