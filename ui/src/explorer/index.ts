import { defineElement } from '../core/define.js';
import { AddonKitApiExplorer } from './addon-kit-api-explorer.js';
import { AddonKitExplorerHistory } from './addon-kit-explorer-history.js';
import { AddonKitExplorerPresets } from './addon-kit-explorer-presets.js';
import { AddonKitSchemaForm } from './addon-kit-schema-form.js';

export { AddonKitApiExplorer, AddonKitExplorerHistory, AddonKitExplorerPresets, AddonKitSchemaForm };

// The parts first: the explorer renders them as soon as it is defined.
defineElement('addon-kit-schema-form', AddonKitSchemaForm);
defineElement('addon-kit-explorer-history', AddonKitExplorerHistory);
defineElement('addon-kit-explorer-presets', AddonKitExplorerPresets);
defineElement('addon-kit-api-explorer', AddonKitApiExplorer);
