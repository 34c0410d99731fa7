import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { parse as parseYaml } from 'yaml';
import { AddonError } from '../errors/index.js';
import { createOperationIndex } from './operation-index.js';
import { createOperationValidators } from './operation-validators.js';
import type { OpenApi, OpenApiDocument } from './types.js';

export interface LoadOpenApiOptions {
  /** Folder a relative path resolves against (the config's `baseDir`); the working directory by default. */
  baseDir?: string;
  /** See ParseOpenApiOptions.validateSchema. */
  validateSchema?: boolean;
}

/**
 * Reads an OpenAPI 3 document (JSON, or YAML by extension), validates it and builds its operation index and
 * lazy validators. Every failure is an AddonError naming the file.
 */
export async function loadOpenApi(path: string, { baseDir = process.cwd(), validateSchema }: LoadOpenApiOptions = {}): Promise<OpenApi> {
  const file = resolve(baseDir, path);
  if (!existsSync(file)) {
    throw new AddonError('OPENAPI_NOT_FOUND', 'create it, or set `openapi:` in addon.config.yaml to the document to use', { file });
  }
  let tree: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    tree = /^\.ya?ml$/i.test(extname(file)) ? parseYaml(text) : JSON.parse(text);
  } catch (cause) {
    throw new AddonError('OPENAPI_UNREADABLE', (cause as Error).message, { file }, { cause });
  }
  return parseOpenApi(tree, { file, validateSchema });
}

export interface ParseOpenApiOptions {
  /** Where the tree came from: named in errors, and the base for relative external `$ref`s. */
  file: string;
  /**
   * Also validate the document against the OpenAPI 3 JSON Schema (default true). That check compiles a large schema
   * with Ajv, which costs a few hundred milliseconds; the structural checks (duplicate operationIds, path
   * parameters, …) run either way.
   */
  validateSchema?: boolean;
}

/** The same as loadOpenApi for a document already in memory (tests, embedding). The tree is not modified. */
export async function parseOpenApi(tree: unknown, { file, validateSchema = true }: ParseOpenApiOptions): Promise<OpenApi> {
  assertOpenApi3(tree, file);
  let document: OpenApiDocument;
  let bundled: OpenApiDocument;
  try {
    // swagger-parser mutates what it is given and returns that same object, so each call gets its own copy.
    document = (await SwaggerParser.validate(file, structuredClone(tree), {
      validate: { schema: validateSchema, spec: true },
    })) as OpenApiDocument;
    // Ajv overflows its stack on the cyclic graph dereference() builds; the bundled form keeps `$ref`s instead.
    bundled = (await SwaggerParser.bundle(file, structuredClone(tree), {})) as OpenApiDocument;
  } catch (cause) {
    throw new AddonError('OPENAPI_INVALID', (cause as Error).message, { file }, { cause });
  }
  const index = createOperationIndex(bundled, { file });
  const validators = createOperationValidators({ bundled, index, file });
  return { file, document, bundled, index, validators };
}

function assertOpenApi3(tree: unknown, file: string): asserts tree is OpenApiDocument {
  const version = tree && typeof tree === 'object' ? (tree as Record<string, unknown>).openapi : undefined;
  if (typeof version === 'string' && version.startsWith('3.')) return;
  const swagger = tree && typeof tree === 'object' && 'swagger' in tree;
  const found = swagger ? 'a Swagger 2.0 document' : 'no "openapi": "3.x" field';
  throw new AddonError('OPENAPI_INVALID', `found ${found}; convert it to OpenAPI 3.0 first`, { file });
}
