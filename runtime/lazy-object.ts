/**
 * An object made on the first use of any of its properties, for per-call objects that are costly to make and usually
 * not used at all (an API client per handler run). The proxy itself costs about 0.7 µs, so something as cheap as a
 * pino child logger (about 0.3 µs) is better made up front. Methods come bound to the made object, so they work
 * whatever `this` they are called with.
 */
export function lazyObject<T extends object>(make: () => T): T {
  let made: T | undefined;
  const real = (): T => {
    made ??= make();
    return made;
  };
  return new Proxy({} as T, {
    get(_target, property) {
      const target = real();
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set: (_target, property, value) => Reflect.set(real(), property, value),
    has: (_target, property) => Reflect.has(real(), property),
  });
}
