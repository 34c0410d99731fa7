import type { SchemaNode } from '../openapi/schema-node.js';
import type { Prng } from './prng.js';
import { emailOf, words } from './words.js';

export interface StringContext {
  rng: Prng;
  anchorMs: number;
  /** The property name: a hint for readable values (`projectId` gets an id, `email` an address). */
  name: string;
}

const DAY_MS = 86_400_000;

/** A string for the schema: its format first, then a value fitting the property name, then length and pattern rules. */
export function sampleString(schema: SchemaNode, context: StringContext): string {
  const value = byFormat(schema.format, context) ?? byName(context);
  return fitPattern(fitLength(value, schema), schema, context.rng);
}

function byFormat(format: unknown, { rng, anchorMs }: StringContext): string | undefined {
  const instant = () => new Date(anchorMs - rng.int(180 * DAY_MS)).toISOString();
  switch (format) {
    case 'date-time':
      return instant().replace(/\.\d{3}Z$/, 'Z');
    case 'date':
      return instant().slice(0, 10);
    case 'time':
      return `${String(rng.int(24)).padStart(2, '0')}:${String(rng.int(60)).padStart(2, '0')}:00`;
    case 'email':
      return emailOf(words.person(rng));
    case 'uri':
    case 'url':
      return `https://example.com/${rng.hex(8)}`;
    case 'uuid':
      return [8, 4, 4, 4, 12].map((length) => rng.hex(length)).join('-');
    case 'byte':
      return Buffer.from(rng.hex(12)).toString('base64');
    default:
      return undefined;
  }
}

/** Readable values keyed on Clockify's naming habits; anything unknown becomes two words. */
function byName({ rng, anchorMs, name }: StringContext): string {
  if (name === 'id' || /Id$/.test(name)) return rng.hex(24);
  if (/email/i.test(name)) return emailOf(words.person(rng));
  if (/colou?r/i.test(name)) return words.color(rng);
  if (/(duration|estimate)$/i.test(name)) return `PT${rng.between(0, 8)}H${rng.between(0, 59)}M`;
  if (/currency/i.test(name)) return rng.pick(['USD', 'EUR', 'GBP']);
  if (/time ?zone/i.test(name)) return rng.pick(['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'UTC']);
  if (/(url|picture|image)$/i.test(name)) return `https://example.com/${rng.hex(8)}.png`;
  if (/date$/i.test(name)) return new Date(anchorMs - rng.int(180 * DAY_MS)).toISOString().slice(0, 10);
  if (/^(user)?name$/i.test(name)) return words.person(rng);
  if (/name$/i.test(name)) return words.project(rng);
  if (/(description|note)s?$/i.test(name)) return words.activity(rng);
  return words.phrase(rng);
}

function fitLength(value: string, schema: SchemaNode): string {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY;
  const padded = value.length < min ? value.padEnd(min, 'x') : value;
  return padded.length > max ? padded.slice(0, max) : padded;
}

/** Documents use patterns for colours only; other patterns get a few plain candidates, then the value as it is. */
function fitPattern(value: string, schema: SchemaNode, rng: Prng): string {
  if (typeof schema.pattern !== 'string') return value;
  let pattern: RegExp;
  try {
    pattern = new RegExp(schema.pattern);
  } catch {
    return value;
  }
  return [value, words.color(rng), rng.hex(24), 'a', '0', ''].find((candidate) => pattern.test(candidate)) ?? value;
}
