import { defineElement } from '../core/define.js';
import { AddonKitBootstrap } from './addon-kit-bootstrap.js';

export { AddonKitBootstrap };

defineElement('addon-kit-bootstrap', AddonKitBootstrap);
