/** The two methods of a Map or WeakMap that `entryOf` needs. */
interface KeyedValues<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/**
 * The value `map` holds for `key`, made by `make` and stored on the first ask (what `Map.getOrInsertComputed` does
 * where it exists; Node 20 has none). A stored `undefined` counts as absent, so `make` answers with another value.
 */
export function entryOf<K, V>(map: KeyedValues<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
