import type { Installations } from '../../runtime/index.js';
import type { Admission } from './admission.js';

/** What the policies share, built once in setup. */
export interface AuthKit {
  readonly admission: Admission;
  readonly installations: Installations;
  /** Path part of the add-on's `baseUrl` (e.g. `/addon`), to match webhook tokens stored under full URLs. */
  readonly basePath: string;
  /** The config file, named in boot errors about routes. */
  readonly configFile: string;
}
