import { readdirSync } from 'node:fs';

/** `npm run bench` runs every bench/<name>.ts; `npm run bench -- <name>` runs one. */
const wanted = process.argv.slice(2);
const available = readdirSync(new URL('.', import.meta.url))
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
  .map((file) => file.replace(/\.ts$/, ''));
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}
for (const name of wanted.length ? wanted : available) {
  const bench = (await import(`./${name}.ts`)) as { default: () => Promise<void> };
  await bench.default();
}
