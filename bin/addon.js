#!/usr/bin/env node
// Entry of `npm start`, `npm run addon -- …` and the package's `addon` bin. tsx is registered first, so the
// TypeScript runtime and a user's .ts plugin files load with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../runtime/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
