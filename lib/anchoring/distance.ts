/**
 * Small edit-distance helpers. The fuzzy *search* is approx-string-match's;
 * these only check or score a handful of already-located candidates, where a
 * plain dynamic program over a narrow band is cheaper than another search.
 * All distances count UTF-16 code units (an emoji swapped for another is 1–2).
 */

/**
 * Levenshtein distance between `a` and `b` if it is at most `max`, otherwise
 * `max + 1`. Only the diagonal band of width 2·max+1 is computed, so the cost
 * is O(a.length · max) rather than O(a.length · b.length).
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  const over = max + 1;
  if (Math.abs(a.length - b.length) > max) return over;
  if (a === b) return 0;
  const m = b.length;
  let prev = new Int32Array(m + 1).fill(over);
  let cur = new Int32Array(m + 1).fill(over);
  for (let j = 0; j <= Math.min(m, max); j++) prev[j] = j;

  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    cur[lo - 1] = lo === 1 && i <= max ? i : over;
    let rowMin = cur[lo - 1];
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
      cur[j] = v > over ? over : v;
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    // The next row reads one column past this band; it must look unreachable.
    if (hi < m) cur[hi + 1] = over;
    if (rowMin > max) return over;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[m], over);
}

/**
 * Edit distance between stored context and the text beside a candidate match:
 * `direction` -1 compares `context` with the text ending at `at` (a prefix),
 * +1 with the text starting at `at` (a suffix). Only the side touching the
 * match is pinned; the far end may stop anywhere within 2·context.length code
 * units, so an insertion next to the match costs its length, not the whole
 * context. Returns a count of code units, at most `context.length`.
 */
export function contextErrors(text: string, context: string, at: number, direction: -1 | 1): number {
  const m = context.length;
  if (m === 0) return 0;
  if (direction < 0 ? text.endsWith(context, at) : text.startsWith(context, at)) return 0;

  const available = direction < 0 ? at : text.length - at;
  const n = Math.min(available, 2 * m);
  // Row k holds distances for the first k context code units nearest the match.
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let k = 1; k <= m; k++) {
    const c = context.charCodeAt(direction < 0 ? m - k : k - 1);
    cur[0] = k;
    for (let j = 1; j <= n; j++) {
      const t = text.charCodeAt(direction < 0 ? at - j : at + j - 1);
      cur[j] = Math.min(prev[j - 1] + (c === t ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
    }
    [prev, cur] = [cur, prev];
  }
  let best = m;
  for (let j = 0; j <= n; j++) if (prev[j] < best) best = prev[j];
  return best;
}
