import type { Prng } from './prng.js';

/** Word lists for readable generated data; invented for the simulator, any resemblance is accidental. */
const FIRST_NAMES = [
  'Ada',
  'Bruno',
  'Chiara',
  'Dmitri',
  'Elif',
  'Farid',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Keiko',
  'Luca',
  'Maya',
  'Nils',
];
const LAST_NAMES = ['Novak', 'Berger', 'Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Petrov', 'Silva', 'Horvat', 'Keller', 'Duarte'];
const ADJECTIVES = ['Blue', 'Quiet', 'Rapid', 'Golden', 'Northern', 'Bright', 'Hidden', 'Steady', 'Open', 'Lucky', 'Silver', 'Early'];
const NOUNS = ['Harbor', 'Falcon', 'Meadow', 'Orbit', 'Summit', 'Lantern', 'Canyon', 'Atlas', 'Beacon', 'Willow', 'Delta', 'Forge'];
const ACTIVITIES = ['Design review', 'Client call', 'Bug triage', 'Writing specs', 'Code review', 'Planning', 'Research', 'Testing'];
const COMPANIES = ['Works', 'Labs', 'Group', 'Studio', 'Partners', 'Systems'];
const TAGS = ['urgent', 'meeting', 'remote', 'billable-later', 'internal', 'travel', 'support', 'overtime'];
const COLORS = ['#03a9f4', '#795548', '#8bc34a', '#e91e63', '#ff9800', '#9c27b0', '#607d8b', '#009688'];

export const words = {
  person: (rng: Prng) => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
  project: (rng: Prng) => `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`,
  client: (rng: Prng) => `${rng.pick(NOUNS)} ${rng.pick(COMPANIES)}`,
  task: (rng: Prng) => rng.pick(ACTIVITIES),
  activity: (rng: Prng) => rng.pick(ACTIVITIES),
  tag: (rng: Prng) => rng.pick(TAGS),
  color: (rng: Prng) => rng.pick(COLORS),
  phrase: (rng: Prng) => `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS).toLowerCase()}`,
};

/** `Ada Novak` → `ada.novak@example.com` (a reserved domain: nothing generated can reach a real mailbox). */
export function emailOf(name: string, suffix = ''): string {
  return `${name.toLowerCase().replace(/[^a-z]+/g, '.')}${suffix}@example.com`;
}
