/** The id a route names (`jobs/3`, `events/42`): a positive integer of at most 16 digits, else undefined. */
export function parseId(text: string): number | undefined {
  return /^[1-9]\d{0,15}$/.test(text) ? Number(text) : undefined;
}
