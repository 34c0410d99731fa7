/** `requests` per `intervalMs`, of which up to `burst` may go at once after a quiet spell. */
export interface RateRule {
  readonly requests: number;
  readonly intervalMs: number;
  readonly burst: number;
}

export interface RatePlan {
  readonly requests: number;
  readonly intervalMs: number;
  readonly burst?: number;
}

export interface RateLimitOptions {
  /** Clockify allows an add-on 50 requests per second per workspace (PLATFORM.md §6.4). Default 50. */
  perSecond?: number;
  /**
   * Requests that may go at once after a quiet spell (default 1). Any one-second window holds at most
   * perSecond + burst - 1, so only 1 keeps every window within Clockify's limit however it counts (a 429 otherwise
   * comes back whenever a burst meets a window that a full second of steady calls already filled).
   */
  burst?: number;
  /** Named limits for workspaces that have a lower one, e.g. new Free workspaces: 30 requests per hour (burst default 1). */
  plans?: Readonly<Record<string, RatePlan>>;
  /** workspaceId → plan name, for workspaces known to be on a plan. */
  workspaces?: Readonly<Record<string, string>>;
}

export interface RateRules {
  ruleFor(workspaceId: string): RateRule;
  /** Puts a workspace on a named plan (or back on the default with `undefined`); unknown names throw. */
  setPlan(workspaceId: string, plan: string | undefined): void;
}

export const DEFAULT_RATE_LIMIT = { perSecond: 50, burst: 1 } as const;

export function createRateRules({
  perSecond = DEFAULT_RATE_LIMIT.perSecond,
  burst = DEFAULT_RATE_LIMIT.burst,
  plans = {},
  workspaces = {},
}: RateLimitOptions = {}): RateRules {
  const fallback: RateRule = { requests: perSecond, intervalMs: 1000, burst };
  const assigned = new Map(Object.entries(workspaces));
  const rules = new Map(
    Object.entries(plans).map(([name, { requests, intervalMs, burst = 1 }]) => [name, { requests, intervalMs, burst }]),
  );
  const planNamed = (name: string): RateRule => {
    const rule = rules.get(name);
    if (!rule) throw new Error(`no rate-limit plan named "${name}"; known: ${[...rules.keys()].join(', ') || 'none'}`);
    return rule;
  };
  for (const name of assigned.values()) planNamed(name);
  return {
    ruleFor(workspaceId) {
      const name = assigned.get(workspaceId);
      return name === undefined ? fallback : planNamed(name);
    },
    setPlan(workspaceId, plan) {
      if (plan === undefined) {
        assigned.delete(workspaceId);
        return;
      }
      planNamed(plan);
      assigned.set(workspaceId, plan);
    },
  };
}

/** The spacing between requests and how far ahead of it a burst may run (GCRA's emission interval and tolerance). */
export function bucketShape({ requests, intervalMs, burst }: RateRule): { spacingMs: number; toleranceMs: number } {
  const spacingMs = intervalMs / requests;
  return { spacingMs, toleranceMs: Math.max(0, burst - 1) * spacingMs };
}

export type Take = { taken: true; next: number } | { taken: false; waitMs: number };

/**
 * One token-bucket decision at the moment a caller would send, written as GCRA: `theoretical` is when the bucket
 * would be full again. A caller may go when that is at most one burst ahead of now; then the bucket moves one spacing
 * on. Deciding at send time (never for a slot in the future) keeps the bound on real sends even when a timer fires
 * late: a stalled process sends at most one burst when it wakes. The Redis governor runs the same arithmetic in Lua.
 */
export function takeToken(theoretical: number | undefined, now: number, rule: RateRule): Take {
  const { spacingMs, toleranceMs } = bucketShape(rule);
  const start = Math.max(theoretical ?? now, now);
  const waitMs = start - toleranceMs - now;
  return waitMs > 0 ? { taken: false, waitMs } : { taken: true, next: start + spacingMs };
}

/** Where the bucket stands after a pause: nothing goes before `now + pauseMs`, and no burst right after it. */
export function pausedUntil(theoretical: number | undefined, now: number, rule: RateRule, pauseMs: number): number {
  return Math.max(theoretical ?? now, now + pauseMs + bucketShape(rule).toleranceMs);
}
