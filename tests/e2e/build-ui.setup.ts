// Vitest global setup: the browser tests load the built web components (dist/ui), so build them once per run,
// before the test files start, instead of racing to build them from parallel workers.
// @ts-expect-error: a plain JavaScript build script without type declarations
import { buildUi } from '../../bin/build-ui.js';

export async function setup(): Promise<void> {
  await buildUi({ quiet: true });
}
