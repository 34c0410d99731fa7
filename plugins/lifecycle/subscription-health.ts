import { Gauge, type Registry } from 'prom-client';
import type { InstallationStatus, Installations, Logger } from '../../runtime/index.js';
import { compareSubscriptions, type ExpectedWebhook, type SubscriptionStatus } from './compare-subscriptions.js';
import { type AddonWebhook, type CheckErrorCode, type FetchAddonWebhooks, SubscriptionCheckError } from './fetch-addon-webhooks.js';

/** What `GET /admin/webhooks/health` answers for one workspace. */
export interface SubscriptionReport {
  workspaceId: string;
  installationStatus: InstallationStatus;
  checkedAt: string;
  /** ok: every manifest webhook is subscribed and enabled; degraded: some are missing or disabled; unavailable: the check failed. */
  status: 'ok' | 'degraded' | 'unavailable';
  webhooks: SubscriptionStatus[];
  unexpected: AddonWebhook[];
  workspaceWebhookCount?: number;
  error?: { code: CheckErrorCode | 'CHECK_FAILED'; message: string };
}

export interface SubscriptionHealth {
  /** Asks Clockify now; null when the workspace has no installation. Concurrent calls for one workspace share a check. */
  check(workspaceId: string): Promise<SubscriptionReport | null>;
  latest(workspaceId: string): SubscriptionReport | undefined;
  /** Checks in the background after `delayMs`, off the INSTALLED request's path. */
  schedule(workspaceId: string): void;
  forget(workspaceId: string): void;
  /** Cancels scheduled checks and waits for running ones, before the database closes. */
  close(): Promise<void>;
}

export interface SubscriptionHealthOptions {
  installations: Installations;
  /** The manifest's webhooks and base URL, read at check time (the manifest exists only after setup). */
  manifest: () => { baseUrl: string; webhooks: readonly ExpectedWebhook[] };
  fetchWebhooks: FetchAddonWebhooks;
  log: Logger;
  metrics: { registry: Registry; prefix: string };
  delayMs: number;
  timeoutMs: number;
}

const GAUGE_STATES = ['ok', 'missing', 'disabled', 'unexpected', 'unknown'] as const;

/**
 * Compares the manifest's webhooks with the subscriptions Clockify lists for each installation, keeps the latest
 * report per workspace in this process, and exposes the totals as `<prefix>webhook_subscriptions{state}`.
 */
export function createSubscriptionHealth(options: SubscriptionHealthOptions): SubscriptionHealth {
  const { installations, log, delayMs } = options;
  const reports = new Map<string, SubscriptionReport>();
  const running = new Map<string, Promise<SubscriptionReport | null>>();
  const inFlight = new Set<Promise<unknown>>();
  const timers = new Map<string, NodeJS.Timeout>();
  registerGauge(options.metrics, reports);

  async function runCheck(workspaceId: string): Promise<SubscriptionReport | null> {
    const installation = await installations.find(workspaceId);
    return installation ? buildReport(installation, options) : null;
  }

  const health: SubscriptionHealth = {
    check(workspaceId) {
      const current = running.get(workspaceId);
      if (current) return current;
      const started: Promise<SubscriptionReport | null> = runCheck(workspaceId).then((report) => {
        // A DELETED that arrived while the check ran has forgotten the workspace: its report must not come back.
        if (running.get(workspaceId) !== started) return report;
        running.delete(workspaceId);
        if (!report) reports.delete(workspaceId);
        else {
          reports.set(workspaceId, report);
          logReport(log, report);
        }
        return report;
      });
      running.set(workspaceId, started);
      inFlight.add(started);
      void started.finally(() => inFlight.delete(started)).catch(() => undefined);
      return started;
    },
    latest: (workspaceId) => reports.get(workspaceId),
    schedule(workspaceId) {
      clearTimeout(timers.get(workspaceId));
      const timer = setTimeout(() => {
        timers.delete(workspaceId);
        health.check(workspaceId).catch((error: unknown) => log.error({ err: error, workspaceId }, 'webhook subscription check failed'));
      }, delayMs);
      timer.unref();
      timers.set(workspaceId, timer);
    },
    forget(workspaceId) {
      clearTimeout(timers.get(workspaceId));
      timers.delete(workspaceId);
      running.delete(workspaceId);
      reports.delete(workspaceId);
    },
    async close() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled(inFlight);
    },
  };
  return health;
}

async function buildReport(
  installation: { workspaceId: string; addonId: string; status: InstallationStatus; authToken: string; apiUrl?: string },
  { manifest, fetchWebhooks, timeoutMs }: SubscriptionHealthOptions,
): Promise<SubscriptionReport> {
  const { baseUrl, webhooks: expected } = manifest();
  const base = { workspaceId: installation.workspaceId, installationStatus: installation.status, checkedAt: new Date().toISOString() };
  // Nothing to compare: no API call, so an add-on without webhooks spends none of the workspace's rate limit.
  if (expected.length === 0) return { ...base, status: 'ok', webhooks: [], unexpected: [] };
  try {
    const listing = await fetchWebhooks({
      apiUrl: installation.apiUrl ?? '',
      workspaceId: installation.workspaceId,
      addonId: installation.addonId,
      token: installation.authToken,
      timeoutMs,
    });
    const { webhooks, unexpected } = compareSubscriptions(expected, listing.webhooks, baseUrl);
    const status = webhooks.every((webhook) => webhook.state === 'ok') ? 'ok' : 'degraded';
    return { ...base, status, webhooks, unexpected, workspaceWebhookCount: listing.workspaceWebhookCount };
  } catch (error) {
    const code = error instanceof SubscriptionCheckError ? error.code : 'CHECK_FAILED';
    const webhooks = compareSubscriptions(expected, [], baseUrl).webhooks.map((webhook) => ({ ...webhook, state: 'unknown' as const }));
    return { ...base, status: 'unavailable', webhooks, unexpected: [], error: { code, message: (error as Error).message.slice(0, 300) } };
  }
}

function logReport(log: Logger, report: SubscriptionReport): void {
  const named = (state: string) => report.webhooks.filter((webhook) => webhook.state === state).map((webhook) => webhook.event);
  const fields = { workspaceId: report.workspaceId, status: report.status, expected: report.webhooks.length };
  if (report.status === 'ok') log.info(fields, 'webhook subscriptions complete');
  else if (report.status === 'degraded') {
    log.warn({ ...fields, missing: named('missing'), disabled: named('disabled') }, 'webhook subscriptions missing or disabled');
  } else log.warn({ ...fields, error: report.error }, 'webhook subscriptions could not be checked');
}

/** Totals over the latest report of every workspace, computed at scrape time so they never drift from the reports. */
function registerGauge({ registry, prefix }: SubscriptionHealthOptions['metrics'], reports: ReadonlyMap<string, SubscriptionReport>): void {
  new Gauge({
    name: `${prefix}webhook_subscriptions`,
    help: 'Manifest webhooks by subscription state at the last check of each installation (unknown: the check failed)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const totals = Object.fromEntries(GAUGE_STATES.map((state) => [state, 0])) as Record<(typeof GAUGE_STATES)[number], number>;
      for (const report of reports.values()) {
        totals.unexpected += report.unexpected.length;
        for (const webhook of report.webhooks) totals[webhook.state] += 1;
      }
      for (const state of GAUGE_STATES) this.set({ state }, totals[state]);
    },
  });
}
