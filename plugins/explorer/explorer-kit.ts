import type { ClockifyClients, Installations, Logger, OpenApi } from '../../runtime/index.js';
import type { CallHistory } from './call-history.js';
import type { TakeExecution } from './execute-limiter.js';
import type { ExplorerMetrics } from './metrics.js';
import type { ExplorerOptions } from './options.js';
import type { PresetStore } from './preset-store.js';

/** What the explorer's routes share, built once in setup. */
export interface ExplorerKit {
  readonly options: ExplorerOptions;
  /** The document, loaded on the first request that needs it (it is parsed once per process, not on every start). */
  readonly openapi: () => Promise<OpenApi>;
  /** The scopes of the add-on's manifest: what an installation granted. Available once setup is over. */
  grantedScopes(): ReadonlySet<string>;
  readonly installations: Installations;
  readonly clients: ClockifyClients;
  readonly history: CallHistory;
  readonly presets: PresetStore;
  readonly takeExecution: TakeExecution;
  readonly metrics: ExplorerMetrics;
  readonly log: Logger;
}
