import { Installation } from './installation.js';

export { Installation } from './installation.js';

/** Every entity the runtime knows; migrations create their tables. */
export const entities = [Installation];
