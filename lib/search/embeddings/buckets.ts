/**
 * Random-hyperplane hashing (SimHash) for the bounded nearest-neighbour pass:
 * without pgvector, a vector's side of BITS hyperplanes, in each of TABLES
 * independent sets, names the buckets it is stored under ("t<table>:<bits>",
 * a GIN-indexed text[]); a query reads only the claims sharing one of its
 * buckets. Two unit vectors at cosine c land in the same bucket of one table
 * with probability (1 - acos(c)/π)^BITS: at c = 0.9 that is 0.29, so at least
 * one of 6 tables shares a bucket with probability 0.87; at c = 0.5 it is
 * 0.04 per table. At 100k claims a table's bucket holds about 100k/2^BITS =
 * 390 claims.
 *
 * The hyperplanes come from a fixed-seed generator per dimension, the same in
 * every instance and process, so no state is shared or stored.
 */

import { seededRandom } from "@/lib/seeded-random";

export const TABLES = 6;
export const BITS = 8;

/** Gaussian components (Box–Muller), so the hyperplanes' normals are uniform on the sphere. */
function hyperplanes(dimension: number): Float32Array[] {
  const random = seededRandom(0x5eed0000 + dimension);
  const planes: Float32Array[] = [];
  for (let p = 0; p < TABLES * BITS; p++) {
    const normal = new Float32Array(dimension);
    for (let d = 0; d < dimension; d++) {
      const u = Math.max(random(), 1e-12);
      normal[d] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
    }
    planes.push(normal);
  }
  return planes;
}

const byDimension = new Map<number, Float32Array[]>();

/** The buckets a unit vector is stored and looked up under, one per table. */
export function bucketsOf(vector: Float32Array): string[] {
  let planes = byDimension.get(vector.length);
  if (!planes) {
    planes = hyperplanes(vector.length);
    byDimension.set(vector.length, planes);
  }
  const out: string[] = [];
  for (let t = 0; t < TABLES; t++) {
    let bits = 0;
    for (let b = 0; b < BITS; b++) {
      const normal = planes[t * BITS + b]!;
      let side = 0;
      for (let d = 0; d < vector.length; d++) side += normal[d]! * vector[d]!;
      if (side >= 0) bits |= 1 << b;
    }
    out.push(`t${t}:${bits}`);
  }
  return out;
}
