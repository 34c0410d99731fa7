// @vitest-environment happy-dom
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobPoller } from './job-poller.js';

/** A host that only keeps its controller, and a document whose visibility the test sets. */
function setup(active: () => boolean) {
  let controller: ReactiveController | undefined;
  const host = { addController: (added: ReactiveController) => (controller = added) } as unknown as ReactiveControllerHost;
  const page = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
  const poll = vi.fn(async () => undefined);
  const poller = new JobPoller(host, { active, poll, document: page as unknown as Document });
  const setVisibility = (state: DocumentVisibilityState) => {
    page.visibilityState = state;
    page.dispatchEvent(new Event('visibilitychange'));
  };
  return { poller, poll, controller: controller as ReactiveController, setVisibility };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('JobPoller', () => {
  it('polls every interval while its host is connected and the job open, and stops once it is not', async () => {
    vi.useFakeTimers();
    let open = true;
    const { poll, controller } = setup(() => open);
    controller.hostConnected?.();
    await vi.advanceTimersByTimeAsync(3000);
    expect(poll).toHaveBeenCalledTimes(3);
    open = false;
    await vi.advanceTimersByTimeAsync(3000);
    expect(poll).toHaveBeenCalledTimes(3);
  });

  it('pauses while the page is hidden and after its host leaves the page', async () => {
    vi.useFakeTimers();
    const { poller, poll, controller, setVisibility } = setup(() => true);
    poller.intervalMs = 500;
    controller.hostConnected?.();
    await vi.advanceTimersByTimeAsync(1000);
    expect(poll).toHaveBeenCalledTimes(2);
    setVisibility('hidden');
    await vi.advanceTimersByTimeAsync(5000);
    expect(poll).toHaveBeenCalledTimes(2);
    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(500);
    expect(poll).toHaveBeenCalledTimes(3);
    controller.hostDisconnected?.();
    await vi.advanceTimersByTimeAsync(5000);
    expect(poll).toHaveBeenCalledTimes(3);
    expect(poller.running).toBe(false);
  });

  it('keeps polling after a failed poll: the host shows the error', async () => {
    vi.useFakeTimers();
    const { poll, controller } = setup(() => true);
    poll.mockRejectedValueOnce(new Error('network down'));
    controller.hostConnected?.();
    await vi.advanceTimersByTimeAsync(2000);
    expect(poll).toHaveBeenCalledTimes(2);
  });
});
