#!/usr/bin/env node
// Entry of `npm start`, `npm run addon -- …` and the package's `addon` bin. `start` runs the build in dist/ when it
// is current (`npm start` and `npm install` make it); everything else, or a stale build, runs the TypeScript
// sources through tsx. A user's .ts plugin loads either way (the plugin loader registers tsx when it meets one).
import { fileURLToPath } from 'node:url';
import { runtimeBuild } from './dist-state.js';

const args = process.argv.slice(2);
const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = args[0] === 'start' && runtimeBuild(root).fresh;
if (!compiled) (await import('tsx/esm/api')).register();
const { main } = await import(compiled ? '../dist/runtime/cli/main.js' : '../runtime/cli/main.ts');
process.exitCode = await main(args);
