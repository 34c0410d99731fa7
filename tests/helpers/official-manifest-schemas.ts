import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import type { SchemaVersion } from '../../runtime/clockify/manifest/schema-rules.js';
import { repoRoot } from './default-manifest.js';

/** Clockify's published manifest schemas sit in the shared folder beside the checkout; they are read, never copied in. */
export const officialSchemasDir = join(repoRoot, '..', 'shared', 'clockify', 'manifest-schemas');
export const officialSchemasAvailable = existsSync(officialSchemasDir);

export type OfficialSchema = Record<string, unknown> & {
  definitions: Record<string, { properties: Record<string, { enum?: string[]; maxLength?: number }>; required?: string[] }>;
  required: string[];
};

export interface OfficialValidator {
  schema: OfficialSchema;
  /** Whether the official schema accepts the manifest, with Ajv's errors when it does not. */
  accepts(manifest: unknown): { ok: boolean; errors: string };
}

export function loadOfficialSchema(version: SchemaVersion): OfficialSchema {
  return JSON.parse(readFileSync(join(officialSchemasDir, `${version}.json`), 'utf8')) as OfficialSchema;
}

/** The schemas are draft-04 and carry `example` keywords, which strict mode would refuse as unknown. */
export function officialValidator(version: SchemaVersion): OfficialValidator {
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
  ajvFormats.default(ajv);
  const schema = loadOfficialSchema(version);
  const validate = ajv.compile(schema);
  return {
    schema,
    accepts(manifest) {
      const ok = validate(manifest) === true;
      return { ok, errors: ok ? '' : ajv.errorsText(validate.errors) };
    },
  };
}
