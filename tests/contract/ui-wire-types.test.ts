import { describe, expectTypeOf, it } from 'vitest';
import type { OperationProgress as ServerOperationProgress } from '../../plugins/bootstrap/checkpoint-store.js';
import type { JobView } from '../../plugins/bootstrap/progress.js';
import type { CallDetail as ServerCallDetail, CallSummary as ServerCallSummary } from '../../plugins/explorer/call-history.js';
import type { DryRun as ServerDryRun } from '../../plugins/explorer/execute-call.js';
import type { EndpointListing as ServerListing } from '../../plugins/explorer/list-endpoints.js';
import type { Preset as ServerPreset } from '../../plugins/explorer/preset-store.js';
import type { SentCall as ServerSentCall } from '../../plugins/explorer/send-call.js';
import type { SubscriptionReport as ServerSubscriptionReport } from '../../plugins/lifecycle/subscription-health.js';
import type { DeliveryStats as ServerDeliveryStats } from '../../plugins/webhooks/delivery-stats.js';
import type { InboxEvent as ServerInboxEvent, InboxPage as ServerInboxPage } from '../../runtime/index.js';
import type { Job, OperationProgress } from '../../ui/src/bootstrap/types.js';
import type { CallDetail, CallSummary, DryRun, EndpointListing, Preset, SentCall } from '../../ui/src/explorer/types.js';
import type { DeliveryStats, InboxEvent, SubscriptionReport } from '../../ui/src/webhooks/types.js';

/**
 * The web components restate the admin APIs' answers instead of importing server modules (ui/ talks to the server
 * only over HTTP). These checks are compile-time only (`npm run typecheck`): each answer the server's code can build
 * must be one the component's type accepts, so a field renamed or retyped on either side fails the type check
 * instead of a page at run time. Where the server leaves a field untyped (`unknown`: a listing's component schemas,
 * an event's handler results) the component's reading of the documented JSON is its own, and only the rest is compared.
 */

/** Every field but those the server types as `unknown`. */
type Typed<T, Untyped extends keyof T> = Omit<T, Untyped>;

describe('the web components read the answers the server builds', () => {
  it('explorer', () => {
    expectTypeOf<Typed<ServerListing, 'components'>>().toExtend<Typed<EndpointListing, 'components'>>();
    expectTypeOf<ServerSentCall>().toExtend<SentCall>();
    expectTypeOf<ServerDryRun>().toExtend<DryRun>();
    expectTypeOf<ServerCallSummary>().toExtend<CallSummary>();
    expectTypeOf<ServerCallDetail>().toExtend<CallDetail>();
    expectTypeOf<ServerPreset>().toExtend<Preset>();
  });

  it('bootstrap', () => {
    expectTypeOf<JobView>().toExtend<Omit<Job, 'state'> & { state: string }>();
    expectTypeOf<ServerOperationProgress>().toExtend<OperationProgress>();
  });

  it('webhooks', () => {
    expectTypeOf<ServerDeliveryStats>().toExtend<DeliveryStats>();
    expectTypeOf<ServerInboxPage['nextCursor']>().toExtend<string | undefined>();
    expectTypeOf<Typed<ServerInboxEvent, 'handlers'>>().toExtend<Typed<InboxEvent, 'handlers'>>();
    expectTypeOf<ServerSubscriptionReport>().toExtend<SubscriptionReport>();
  });
});
