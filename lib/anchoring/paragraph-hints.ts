/** How the canonical text joins its blocks (README, "Offsets"). */
const BLOCK_BREAK = "\n\n";

interface Blocks {
  starts: number[];
  texts: string[];
}

function blocksOf(text: string): Blocks {
  const starts: number[] = [];
  const texts: string[] = [];
  let at = 0;
  for (;;) {
    const next = text.indexOf(BLOCK_BREAK, at);
    starts.push(at);
    texts.push(text.slice(at, next === -1 ? text.length : next));
    if (next === -1) return { starts, texts };
    at = next + BLOCK_BREAK.length;
  }
}

function counts(texts: string[]): Map<string, number> {
  const n = new Map<string, number>();
  for (const t of texts) n.set(t, (n.get(t) ?? 0) + 1);
  return n;
}

/** The last index whose value is ≤ `x` in an ascending array, or -1. */
function lastAtMost(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Where an offset of the old text is expected in the new one, read from the
 * blocks (paragraphs) the two texts share: the blocks found once in each, in
 * the same order in both (patience diff's anchors: unique lines, their longest
 * common run in order), hold still, and an offset keeps its distance from the
 * start of the nearest such block at or before it (after it, when there is
 * none before). A span's expected place so doesn't depend on a neighbouring
 * span having moved first (anchorAll's shift): a lone highlight in a paragraph
 * whose word beside it changed is looked for where that paragraph went, not
 * wherever a near-copy of it fits its context best (black-box, session 37).
 * Returns undefined when the texts share no such block.
 */
export function paragraphHints(oldText: string, newText: string): (offset: number) => number | undefined {
  const before = blocksOf(oldText);
  const after = blocksOf(newText);
  const inOld = counts(before.texts);
  const inNew = counts(after.texts);
  const newIndex = new Map<string, number>();
  after.texts.forEach((t, i) => {
    if (inNew.get(t) === 1) newIndex.set(t, i);
  });
  // Unique in both, in old order; then the longest run also increasing in the new text (patience sorting).
  const pairs: [number, number][] = [];
  before.texts.forEach((t, i) => {
    const j = newIndex.get(t);
    if (inOld.get(t) === 1 && j !== undefined) pairs.push([i, j]);
  });
  const tails: number[] = [];
  const previous: number[] = new Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]][1] < pairs[k][1]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1];
    tails[lo] = k;
  }
  const kept: [number, number][] = [];
  for (let k = tails.length ? tails[tails.length - 1] : -1; k !== -1; k = previous[k]) kept.unshift(pairs[k]);
  if (!kept.length) return () => undefined;
  const oldStarts = kept.map(([i]) => before.starts[i]);
  return (offset) => {
    const k = Math.max(0, lastAtMost(oldStarts, offset));
    const [i, j] = kept[k];
    return Math.max(0, Math.min(newText.length, after.starts[j] + (offset - before.starts[i])));
  };
}
