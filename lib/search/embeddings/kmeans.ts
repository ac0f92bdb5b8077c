/**
 * Spherical k-means over int8 vectors, for the inverted-file index of
 * ./vector-index.ts: the centroids split a workspace's vectors into lists of
 * about LIST_SIZE, and a query reads only the few lists whose centroids are
 * nearest it. Pure computation; it yields to the event loop every 10 ms,
 * because it runs in the web process's background worker and must not hold
 * requests up for longer.
 */

export interface Int8Rows {
  /** rows × dim int8 components, row after row. */
  data: Int8Array;
  rows: number;
  dim: number;
}

/** The longest the loops run without letting a request in. */
const SLICE_MS = 10;
let sliceStart = performance.now();
/** Yields to the event loop once SLICE_MS has passed since the last yield. */
async function breathe(): Promise<void> {
  if (performance.now() - sliceStart < SLICE_MS) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  sliceStart = performance.now();
}

function normalise(v: Float32Array, from: number, dim: number): void {
  let n = 0;
  for (let d = 0; d < dim; d++) n += v[from + d]! * v[from + d]!;
  n = Math.sqrt(n);
  if (n > 0) for (let d = 0; d < dim; d++) v[from + d]! /= n;
}

/** a[at…at+dim) · b, unrolled by four (the training's inner loop: twice as fast in V8). */
function dotAt(a: Float32Array, at: number, b: Float32Array, dim: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let d = 0;
  for (; d + 3 < dim; d += 4) {
    s0 += a[at + d]! * b[d]!;
    s1 += a[at + d + 1]! * b[d + 1]!;
    s2 += a[at + d + 2]! * b[d + 2]!;
    s3 += a[at + d + 3]! * b[d + 3]!;
  }
  for (; d < dim; d++) s0 += a[at + d]! * b[d]!;
  return s0 + s1 + s2 + s3;
}

/** The index of the centroid (k × dim, row after row) with the largest dot product with row r. */
function nearestCentroid(m: Int8Rows, r: number, centroids: Float32Array, k: number, row: Float32Array): number {
  const { dim, data } = m;
  for (let d = 0; d < dim; d++) row[d] = data[r * dim + d]!;
  let best = 0;
  let bestDot = -Infinity;
  for (let c = 0; c < k; c++) {
    const s = dotAt(centroids, c * dim, row, dim);
    if (s > bestDot) {
      bestDot = s;
      best = c;
    }
  }
  return best;
}

/**
 * k unit centroids (k × dim floats) trained on the rows `sample` names:
 * started from k distinct sample rows, then `iterations` rounds of assigning
 * and re-centring; a list left empty is restarted at a random sample row.
 * The scales don't matter: the vectors are all unit length before quantising.
 */
export async function trainCentroids(m: Int8Rows, sample: Int32Array, k: number, iterations: number, random: () => number): Promise<Float32Array> {
  const { dim, data } = m;
  const centroids = new Float32Array(k * dim);
  const pick = (c: number, r: number) => {
    for (let d = 0; d < dim; d++) centroids[c * dim + d] = data[r * dim + d]!;
    normalise(centroids, c * dim, dim);
  };
  // Distinct starting rows: a partial Fisher–Yates shuffle of the sample.
  const order = Int32Array.from(sample);
  for (let c = 0; c < k; c++) {
    const j = c + Math.floor(random() * (order.length - c));
    [order[c], order[j]] = [order[j]!, order[c]!];
    pick(c, order[c]!);
  }
  const row = new Float32Array(dim);
  const sums = new Float32Array(k * dim);
  const counts = new Int32Array(k);
  for (let it = 0; it < iterations; it++) {
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < sample.length; i++) {
      const r = sample[i]!;
      const c = nearestCentroid(m, r, centroids, k, row);
      counts[c]!++;
      for (let d = 0; d < dim; d++) sums[c * dim + d]! += row[d]!;
      if (i % 16 === 15) await breathe();
    }
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) {
        pick(c, sample[Math.floor(random() * sample.length)]!);
        continue;
      }
      centroids.set(sums.subarray(c * dim, (c + 1) * dim), c * dim);
      normalise(centroids, c * dim, dim);
    }
  }
  return centroids;
}

/** Each row's nearest centroid. */
export async function assignRows(m: Int8Rows, centroids: Float32Array, k: number): Promise<Int32Array> {
  const out = new Int32Array(m.rows);
  const row = new Float32Array(m.dim);
  for (let r = 0; r < m.rows; r++) {
    out[r] = nearestCentroid(m, r, centroids, k, row);
    if (r % 16 === 15) await breathe();
  }
  return out;
}

/** The n centroids nearest a float query, nearest first; centroids as stored (int8 rows, one scale each). */
export function nearestLists(query: Float32Array, centroids: Int8Array, scales: Float32Array, n: number): number[] {
  const dim = query.length;
  const scored: [number, number][] = [];
  for (let c = 0; c < scales.length; c++) {
    let s = 0;
    const at = c * dim;
    for (let d = 0; d < dim; d++) s += centroids[at + d]! * query[d]!;
    scored.push([s * scales[c]!, c]);
  }
  scored.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  return scored.slice(0, n).map(([, c]) => c);
}
