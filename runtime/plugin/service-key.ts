/** A typed name for a service one plugin provides and others inject: `defineServiceKey<Dispatcher>('webhooks.dispatcher')`. */
export interface ServiceKey<T> {
  readonly id: string;
  /** Phantom field carrying the type; never set. */
  readonly type?: T;
}

export function defineServiceKey<T>(id: string): ServiceKey<T> {
  return Object.freeze({ id });
}
