// Seeded randomness: a mulberry32 stream and a stateless hash, so any value is computable directly.

/** A seeded pseudo-random stream in [0, 1) (mulberry32): same seed, same sequence. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A stable number in [0, 1) from a seed and any integers (e.g. seed, purpose, student, day).
 * Being stateless, the simulator can ask "does student 1042 study on day 97?" without replaying
 * everything that came before.
 */
export function hashUnit(seed: number, ...ints: number[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const value of ints) {
    h = Math.imul(h ^ (value | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    h = (h + 0x27d4eb2f) | 0;
  }
  // Final avalanche (murmur3 fmix32) so nearby inputs give unrelated outputs.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** An integer in [min, max] from `hashUnit`'s value. */
export function hashInt(seed: number, min: number, max: number, ...ints: number[]): number {
  return min + Math.floor(hashUnit(seed, ...ints) * (max - min + 1));
}

/** Picks one element of a non-empty list from `hashUnit`'s value. */
export function hashPick<T>(seed: number, list: readonly T[], ...ints: number[]): T {
  return list[Math.floor(hashUnit(seed, ...ints) * list.length)];
}
