/** The component's places, kept by the host in the URL hash: `''` (overview), `inbox`, `dead`, `events/<id>`. */
export type WebhooksView = { name: 'overview' } | { name: 'inbox' } | { name: 'dead' } | { name: 'event'; id: number };

export function parseRoute(route: string): WebhooksView {
  const [first = '', second = ''] = route.split('/');
  if (first === 'inbox' || first === 'dead') return { name: first };
  if (first === 'events' && /^[1-9]\d{0,15}$/.test(second)) return { name: 'event', id: Number(second) };
  return { name: 'overview' };
}

export function routeOf(view: WebhooksView): string {
  return view.name === 'event' ? `events/${view.id}` : view.name === 'overview' ? '' : view.name;
}
