// Two-level caches (a template row → its cells by column, a match → its targets by table): the inner map
// of a key, made empty on first use. The caller looks up and fills the inner map itself, so a hot path
// allocates no closure per call.

interface OuterCache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** The inner map `outer` holds for `key`, created (empty) and stored on first use. */
export function innerMap<K, K2, V>(outer: OuterCache<K, Map<K2, V>>, key: K): Map<K2, V> {
  let inner = outer.get(key);
  if (inner === undefined) {
    inner = new Map();
    outer.set(key, inner);
  }
  return inner;
}
