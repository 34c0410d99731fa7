import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { environmentOverrides } from '../runtime/config/environment.js';
import { addonConfigSchema } from '../runtime/config/validate-config.js';

const readme = readFileSync(new URL('../config/README.md', import.meta.url), 'utf8');
const example = readFileSync(new URL('../config/.env.example', import.meta.url), 'utf8');

describe('configuration documentation', () => {
  it('documents every environment variable in config/README.md and config/.env.example', () => {
    for (const variable of ['ADDON_CONFIG', ...environmentOverrides.map((override) => override.variable)]) {
      expect(readme, variable).toContain(`\`${variable}\``);
      expect(example, variable).toMatch(new RegExp(`^#? ?${variable}=`, 'm'));
    }
  });

  it('documents every key of the configuration schema', () => {
    const properties = addonConfigSchema.properties as Record<string, { properties?: Record<string, unknown> }>;
    for (const [key, schema] of Object.entries(properties)) {
      const keys = schema.properties ? Object.keys(schema.properties).map((child) => `${key}.${child}`) : [key];
      for (const documented of keys) expect(readme, documented).toContain(`| \`${documented}\``);
    }
  });
});
