import { parseId } from '../core/route-id.js';

/** The component's places, kept by the host in the URL hash: `''` (overview), `inbox`, `dead`, `events/<id>`. */
export type WebhooksView = { name: 'overview' } | { name: 'inbox' } | { name: 'dead' } | { name: 'event'; id: number };

export function parseRoute(route: string): WebhooksView {
  const [first = '', second = ''] = route.split('/');
  if (first === 'inbox' || first === 'dead') return { name: first };
  const id = first === 'events' ? parseId(second) : undefined;
  if (id !== undefined) return { name: 'event', id };
  return { name: 'overview' };
}

export function routeOf(view: WebhooksView): string {
  return view.name === 'event' ? `events/${view.id}` : view.name === 'overview' ? '' : view.name;
}
