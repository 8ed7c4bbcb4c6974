// Seeded randomness: a mulberry32 stream and a stateless hash, so any value is computable directly.

/**
 * 32-bit integer multiply, like Math.imul. Math.imul is ~100× slower inside jest's vm sandbox
 * (the call is not inlined across realms), and the simulator hashes millions of values.
 */
function mul32(a: number, b: number): number {
  const aLow = a & 0xffff;
  const aHigh = (a >>> 16) & 0xffff;
  const bLow = b & 0xffff;
  const bHigh = (b >>> 16) & 0xffff;
  return (aLow * bLow + (((aHigh * bLow + aLow * bHigh) << 16) >>> 0)) | 0;
}

/** A seeded pseudo-random stream in [0, 1) (mulberry32): same seed, same sequence. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = mul32(t ^ (t >>> 15), t | 1);
    t ^= t + mul32(t ^ (t >>> 7), t | 61);
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
    h = mul32(h ^ (value | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = mul32(h, 0xc2b2ae35);
    h ^= h >>> 16;
    h = (h + 0x27d4eb2f) | 0;
  }
  // Final avalanche (murmur3 fmix32) so nearby inputs give unrelated outputs.
  h ^= h >>> 16;
  h = mul32(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = mul32(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** An integer in [min, max] from `hashUnit`'s value. */
export function hashInt(seed: number, min: number, max: number, ...ints: number[]): number {
  // `| 0` floors here (non-negative, < 2^31) and, unlike Math.floor, stays fast in jest's sandbox.
  return min + ((hashUnit(seed, ...ints) * (max - min + 1)) | 0);
}

/** Picks one element of a non-empty list from `hashUnit`'s value. */
export function hashPick<T>(seed: number, list: readonly T[], ...ints: number[]): T {
  const picked = list[(hashUnit(seed, ...ints) * list.length) | 0];
  if (picked === undefined) throw new Error('hashPick needs a non-empty list');
  return picked;
}
