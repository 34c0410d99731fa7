import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';

// Under NodeNext the default import is the module namespace; the plugin function is its `.default`.
const addFormats = ajvFormats.default;

/** The `$id` the prepared document is registered under; operation schemas are `$ref`s into it. */
export const DOCUMENT_ID = 'openapi.json';

export interface CreateAjvOptions {
  /** Parameters arrive as strings: coerce them to the declared types, wrap single values into arrays, fill defaults. */
  coerce: boolean;
}

/**
 * An Ajv instance holding the prepared document (see prepareForAjv).
 * `strict` is off because the runtime must accept any OpenAPI document a user points it at: OpenAPI annotations
 * (`example`, `xml`, `externalDocs`), `x-` extensions and formats Ajv does not know are then ignored instead of
 * failing the compile. Our own document is held to strict rules by tests/integration/openapi-documents.test.ts.
 * `unicodeRegExp` is off because OpenAPI patterns are ECMA-262 regexes written without the `u` flag in mind.
 */
export function createAjv(document: Record<string, unknown>, { coerce }: CreateAjvOptions): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    logger: false,
    discriminator: true,
    unicodeRegExp: false,
    ...(coerce ? { coerceTypes: 'array' as const, useDefaults: true } : {}),
  });
  // int32, int64, float, double, byte, binary and password come with ajv-formats besides the JSON Schema ones.
  addFormats(ajv);
  // Only the parts schemas live in (bundle() may also leave `$ref`s into paths): the rest is not JSON Schema.
  ajv.addSchema({ $id: DOCUMENT_ID, components: document.components ?? {}, paths: document.paths ?? {} });
  return ajv;
}
