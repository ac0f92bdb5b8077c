/**
 * mulberry32: a tiny seeded PRNG. Used where a sequence must repeat exactly in
 * every process without sharing state (the embedding index's k-means sample) and
 * for benchmark inputs that repeat across runs.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
