import type { AddonApi } from '../core/addon-api.js';
import type { CallDetail, CallSummary, DryRun, EndpointListing, ExecuteRequest, Preset, PresetInput, SentCall } from './types.js';

/** Where the explorer plugin serves its routes (plugins/explorer/README.md, "Routes"). */
const EXPLORER_BASE = '/ui/api-explorer';

/** The explorer's routes, named after what they do; every call goes through the shared client and its token. */
export function createExplorerApi(client: AddonApi) {
  const base = EXPLORER_BASE;
  return {
    endpoints: () => client.get<EndpointListing>(`${base}/endpoints`),
    execute: (request: ExecuteRequest) => client.post<SentCall | DryRun>(`${base}/execute`, request),
    history: (page: { limit: number; cursor?: string }) =>
      client.get<{ calls: CallSummary[]; nextCursor?: string }>(`${base}/history`, page),
    call: (id: number) => client.get<{ call: CallDetail }>(`${base}/history/${id}`).then((answer) => answer.call),
    replay: (id: number, flags: { confirm?: boolean; dryRun?: boolean }) =>
      client.post<SentCall | DryRun>(`${base}/history/${id}/replay`, flags),
    presets: () => client.get<{ presets: Preset[] }>(`${base}/presets`).then((answer) => answer.presets),
    savePreset: (preset: PresetInput) => client.post<{ preset: Preset }>(`${base}/presets`, preset).then((answer) => answer.preset),
    deletePreset: (id: number) => client.delete<{ deleted: number }>(`${base}/presets/${id}`),
  };
}

export function isDryRun(answer: SentCall | DryRun): answer is DryRun {
  return (answer as DryRun).dryRun === true;
}
