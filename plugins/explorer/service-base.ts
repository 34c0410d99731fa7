import type { ApiOperation, InstallationRecord } from '../../runtime/index.js';
import { HttpError } from '../../runtime/index.js';
import { operationFamily } from './operation-scopes.js';

/** Clockify's services have their own bases (PLATFORM.md §6.1); user tokens carry them as claims. */
export type Service = 'backend' | 'reports' | 'pto';

export interface ServiceUrls {
  reportsUrl?: string;
  ptoUrl?: string;
}

const REPORTS = /\/\/reports\.|\/reports?(?:\/|$)/i;
const PTO = /\/\/pto\.|\/pto(?:\/|$)/i;
const PLACEHOLDER_HOST = /^https?:\/\/(?:localhost|127\.0\.0\.1)(?::\d+)?(?:\/|$)/i;

/**
 * Which service serves an operation, from the servers the document gives it: `reports.api.clockify.me` or a
 * `/report` path, `pto.api.clockify.me` or a `/pto` path. The official document gives some time-off operations a
 * `http://localhost:5050` placeholder; for those the tag decides.
 */
export function serviceOf(operation: ApiOperation): Service {
  const family = operationFamily(operation);
  for (const server of operation.servers) {
    if (REPORTS.test(server)) return 'reports';
    if (PTO.test(server)) return 'pto';
    if (PLACEHOLDER_HOST.test(server)) {
      if (family === 'REPORTS') return 'reports';
      if (family === 'TIME_OFF') return 'pto';
    }
  }
  return 'backend';
}

/**
 * The API base to call: the installation's `apiUrl` for the backend, the verified user token's `reportsUrl` or
 * `ptoUrl` for the others. Never a request parameter; the client's host allowlist checks whichever it is.
 */
export function serviceBase(service: Service, installation: Pick<InstallationRecord, 'apiUrl'>, urls: ServiceUrls): string | undefined {
  if (service === 'backend') return installation.apiUrl;
  const url = service === 'reports' ? urls.reportsUrl : urls.ptoUrl;
  if (!url) {
    throw new HttpError(502, 'SERVICE_URL_UNKNOWN', `the user token names no ${service === 'reports' ? 'reportsUrl' : 'ptoUrl'} to call`);
  }
  return url;
}
