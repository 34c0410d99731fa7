import { defineElement } from '../core/define.js';
import { AddonKitApiExplorer } from './addon-kit-api-explorer.js';

export { AddonKitApiExplorer };
defineElement('addon-kit-api-explorer', AddonKitApiExplorer);
