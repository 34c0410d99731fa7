import '../explorer/index.js';
import '../bootstrap/index.js';
import '../webhooks/index.js';
import { defineElement } from '../core/define.js';
import { AddonKitSidebar } from './addon-kit-sidebar.js';

export { AddonKitSidebar };

defineElement('addon-kit-sidebar', AddonKitSidebar);
