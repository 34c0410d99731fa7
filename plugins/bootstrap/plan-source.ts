import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddonConfig, BootstrapPlan, Logger, Manifest, OpenApiService } from '../../runtime/index.js';
import { AddonError, buildBootstrapPlan } from '../../runtime/index.js';
import type { BootstrapOptions } from './options.js';

/** The plan as `GET /plan` shows it: which document it came from, and the window its `start`/`end` values cover. */
export interface PlanView extends BootstrapPlan {
  document: string;
  window: { start: string; end: string };
}

export interface PlanSource {
  /** The plan for now: the manifest's scopes, the options, the window around today. */
  plan(now?: Date): Promise<PlanView>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Derives the bootstrap plan from the configured OpenAPI document, which the kernel's service loads on first use (a
 * few hundred ms start-up should not pay) and shares with other plugins; only its presence is checked at boot, so a
 * wrong `openapi:` path fails the start, not the first install. The manifest is read at call time: it exists only
 * once every plugin is set up.
 */
export function createPlanSource({
  config,
  documents,
  options,
  manifest,
  log,
}: {
  config: Pick<AddonConfig, 'openapi' | 'baseDir'>;
  documents: OpenApiService;
  options: BootstrapOptions;
  manifest: () => Manifest;
  log: Logger;
}): PlanSource {
  const file = resolve(config.baseDir, config.openapi);
  if (!existsSync(file)) {
    throw new AddonError('OPENAPI_NOT_FOUND', 'the bootstrap plan is derived from it: set `openapi:` in addon.config.yaml', {
      file,
      plugin: 'bootstrap',
    });
  }
  // The plan depends on the day alone once the add-on is set up (document, scopes and options are fixed): building it
  // walks the whole document, so the jobs of a day share one, and ten workspaces installing at once do not build ten.
  let latest: { windowKey: string; view: Promise<PlanView> } | undefined;
  let warned = false;
  const build = async (window: PlanView['window']): Promise<PlanView> => {
    const document = await documents.load(config.openapi);
    const { include, exclude, pageSize, maxPageSize, maxPages, operations } = options;
    const plan = buildBootstrapPlan(document, {
      scopes: manifest().scopes,
      include,
      exclude,
      pageSize,
      maxPageSize,
      maxPages,
      window,
      operations,
    });
    if (plan.problems.length && !warned) log.warn({ problems: plan.problems }, 'the bootstrap options name operations the plan cannot use');
    warned = true;
    return { document: document.file, window, ...plan };
  };
  return {
    plan(now = new Date()) {
      const window = windowAround(now, options.window);
      const windowKey = `${window.start}/${window.end}`;
      if (latest?.windowKey !== windowKey) {
        const view = build(window);
        latest = { windowKey, view };
        // A failed load is not kept: the next call tries again.
        view.catch(() => {
          if (latest?.view === view) latest = undefined;
        });
      }
      return latest.view;
    },
  };
}

/** Whole UTC days, in Clockify's `yyyy-MM-ddThh:mm:ssZ` form, so jobs created the same day ask for the same period. */
function windowAround(now: Date, { pastDays, futureDays }: BootstrapOptions['window']): { start: string; end: string } {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const format = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { start: format(today - pastDays * DAY_MS), end: format(today + (futureDays + 1) * DAY_MS) };
}
