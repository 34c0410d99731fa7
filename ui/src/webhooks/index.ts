import { defineElement } from '../core/define.js';
import { AddonKitWebhooks } from './addon-kit-webhooks.js';

export { AddonKitWebhooks };

defineElement('addon-kit-webhooks', AddonKitWebhooks);
