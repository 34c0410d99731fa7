import { Installation } from './installation.js';
import { RetiredInstallation } from './retired-installation.js';

export { Installation } from './installation.js';
export { RetiredInstallation } from './retired-installation.js';

/** Every entity the runtime knows; migrations create their tables. */
export const entities = [Installation, RetiredInstallation];
