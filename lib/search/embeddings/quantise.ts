/**
 * Stored vectors are int8 with one scale per vector (symmetric, scale =
 * max |x| / 127): 1 byte per dimension instead of float32's 4, so the
 * nearest-neighbour pass reads a quarter of the bytes. For a unit vector of
 * 384 dimensions the largest component is ~0.2, so a step is ~0.0016 and a
 * cosine moves by well under 0.01 — far below what separates a paraphrase
 * from a distractor.
 */

export interface Quantised {
  /** int8 components as bytes (two's complement), what ClaimEmbedding.vector holds. */
  bytes: Uint8Array<ArrayBuffer>;
  /** The float each int8 step stands for. */
  scale: number;
}

export function quantise(v: Float32Array): Quantised {
  let max = 0;
  for (let i = 0; i < v.length; i++) max = Math.max(max, Math.abs(v[i]!));
  // Math.fround: the scale is stored as a PostgreSQL real, so compute with the value read back.
  const scale = Math.fround(max > 0 ? max / 127 : 1);
  const q = new Int8Array(v.length);
  for (let i = 0; i < v.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(v[i]! / scale)));
  return { bytes: new Uint8Array(q.buffer), scale };
}

export function int8View(bytes: Uint8Array): Int8Array {
  return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function dequantise(bytes: Uint8Array, scale: number): Float32Array {
  const q = int8View(bytes);
  const out = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) out[i] = q[i]! * scale;
  return out;
}

/** Cosine of a unit query with a stored (quantised unit) vector. */
export function dotQuantised(query: Float32Array, bytes: Uint8Array, scale: number): number {
  const q = int8View(bytes);
  const n = Math.min(query.length, q.length);
  let s = 0;
  for (let i = 0; i < n; i++) s += query[i]! * q[i]!;
  return s * scale;
}
