/** How the canonical text joins its blocks (README, "Offsets"). */
export const BLOCK_BREAK = "\n\n";

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

/** Most changed blocks the exact diff (Myers) looks through; past it, the patience diff pairs what it can. */
const MAX_EDITS = 1_000;

/**
 * The longest common subsequence of `a` and `b` as index pairs (Myers' O(ND) diff, its trace kept for the way
 * back), or null past `maxD` changed blocks. Unlike the patience diff it pairs repeated paragraphs too: with
 * many identical ones (templated copy), unique ones are too few to anchor on.
 */
function myersPairs(a: Int32Array, b: Int32Array, maxD: number): [number, number][] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(maxD, n + m);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], last: number, n: number, m: number): [number, number][] {
  const pairs: [number, number][] = [];
  let x = n;
  let y = m;
  for (let d = last; d > 0; d--) {
    // trace[d] holds the furthest x of each diagonal k ∈ [-d-1, d+1] after step d - 1, at index k + d + 1.
    const at = (k: number) => trace[d][k + d + 1];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) pairs.push([--x, --y]);
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) pairs.push([--x, --y]);
  return pairs.reverse();
}

/** Block texts as small integers, equal texts equal numbers, for the diff's comparisons. */
function intern(a: readonly string[], b: readonly string[]): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const of = (t: string) => {
    let id = ids.get(t);
    if (id === undefined) ids.set(t, (id = ids.size));
    return id;
  };
  return [Int32Array.from(a, of), Int32Array.from(b, of)];
}

/**
 * Pairs of block indexes [old, new] with the same text, increasing in both: the longest such run (Myers) when
 * the edit changed at most MAX_EDITS blocks, else a patience diff. In each range, the
 * blocks shared at its start and end pair first; then the blocks found once on each side of what is left, the
 * longest run of them in the same order in both (patience sorting); then each gap between two of those is a range
 * of its own. Ranges are a work list, not recursion: a 100,000-paragraph article can't overflow the stack.
 */
function pairBlocks(a: readonly string[], b: readonly string[]): [number, number][] {
  // The blocks shared at the start and at the end pair first, as a reader would see them (a copy of a paragraph
  // deleted above an unchanged one leaves that one paired with itself); Myers' diff then pairs the middle.
  let lo = 0;
  while (lo < a.length && lo < b.length && a[lo] === b[lo]) lo++;
  let aHi = a.length;
  let bHi = b.length;
  while (aHi > lo && bHi > lo && a[aHi - 1] === b[bHi - 1]) {
    aHi--;
    bHi--;
  }
  const [ia, ib] = intern(a.slice(lo, aHi), b.slice(lo, bHi));
  const middle = myersPairs(ia, ib, MAX_EDITS);
  if (!middle) return patiencePairs(a, b);
  const pairs: [number, number][] = [];
  for (let i = 0; i < lo; i++) pairs.push([i, i]);
  for (const [i, j] of middle) pairs.push([i + lo, j + lo]);
  for (let k = 0; aHi + k < a.length; k++) pairs.push([aHi + k, bHi + k]);
  return pairs;
}

/** The patience diff (blocks found once on each side anchor the rest), for edits too large for Myers' diff. */
function patiencePairs(a: readonly string[], b: readonly string[]): [number, number][] {
  const pairs: [number, number][] = [];
  const ranges: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  for (let range = ranges.pop(); range; range = ranges.pop()) {
    let [aLo, aHi, bLo, bHi] = range;
    while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) pairs.push([aLo++, bLo++]);
    while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) pairs.push([--aHi, --bHi]);
    if (aLo === aHi || bLo === bHi) continue;
    const inA = new Map<string, number>();
    for (let i = aLo; i < aHi; i++) inA.set(a[i], inA.has(a[i]) ? -1 : i);
    const inB = new Map<string, number>();
    for (let j = bLo; j < bHi; j++) inB.set(b[j], inB.has(b[j]) ? -1 : j);
    const unique: [number, number][] = [];
    for (let i = aLo; i < aHi; i++) {
      const j = inB.get(a[i]);
      if (inA.get(a[i]) === i && j !== undefined && j >= 0) unique.push([i, j]);
    }
    const tails: number[] = [];
    const previous: number[] = new Array(unique.length).fill(-1);
    for (let k = 0; k < unique.length; k++) {
      let lo = 0;
      let hi = tails.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (unique[tails[mid]][1] < unique[k][1]) lo = mid + 1;
        else hi = mid;
      }
      if (lo > 0) previous[k] = tails[lo - 1];
      tails[lo] = k;
    }
    const kept: [number, number][] = [];
    for (let k = tails.length ? tails[tails.length - 1] : -1; k !== -1; k = previous[k]) kept.unshift(unique[k]);
    // No block is found once on each side: what is left is changed text.
    let [i0, j0] = [aLo, bLo];
    for (const [i, j] of kept) {
      ranges.push([i0, i, j0, j]);
      pairs.push([i, j]);
      [i0, j0] = [i + 1, j + 1];
    }
    if (kept.length) ranges.push([i0, aHi, j0, bHi]);
  }
  return pairs.sort((x, y) => x[0] - y[0]);
}

/**
 * The pairs, with each block the diff left unpaired on both sides paired to one of the same text (in order of
 * both): a paragraph moved past others is kept words where it went, not text written anew there. Otherwise a
 * highlight on it looked first where it had been, and took a changed near-twin's words there approximately
 * (third tester, session 39: two similar paragraphs swapped and one word changed put each highlight, fuzzy, on
 * the other's number). Sorted by the old index.
 */
function withMoved(a: readonly string[], b: readonly string[], pairs: [number, number][]): [number, number][] {
  const pairedA = new Set(pairs.map(([i]) => i));
  const pairedB = new Set(pairs.map(([, j]) => j));
  const waiting = new Map<string, number[]>();
  for (let i = 0; i < a.length; i++) {
    if (pairedA.has(i) || !a[i].trim()) continue;
    const queue = waiting.get(a[i]);
    if (queue) queue.push(i);
    else waiting.set(a[i], [i]);
  }
  if (!waiting.size) return pairs;
  const moved: [number, number][] = [];
  for (let j = 0; j < b.length; j++) {
    if (pairedB.has(j)) continue;
    const i = waiting.get(b[j])?.shift();
    if (i !== undefined) moved.push([i, j]);
  }
  return moved.length ? [...pairs, ...moved].sort((x, y) => x[0] - y[0]) : pairs;
}

/** Least share of words (Dice's coefficient over word counts) for a changed paragraph to be taken for another's new version. */
const SIMILAR = 0.5;
/**
 * Most paragraph comparisons `similarPairs` makes (tens of milliseconds): past it (an edit rewriting hundreds of paragraphs), none
 * is made, and a changed paragraph's highlights are looked for where it was, as before there were any.
 */
const MAX_COMPARISONS = 200_000;
/** How many of the new paragraphs most like a changed one it may be paired with (the best taken by a closer match, the next). */
const KEEP = 8;

/** A paragraph's words (letters and digits, lower-cased) as ids, sorted: two such lists are compared in one pass. */
function wordIds(text: string, ids: Map<string, number>): Int32Array {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return Int32Array.from(words, (w) => {
    let id = ids.get(w);
    if (id === undefined) ids.set(w, (id = ids.size));
    return id;
  }).sort();
}

/** Dice's coefficient of two sorted word-id lists, repeated words counted as often as both have them. */
function dice(a: Int32Array, b: Int32Array): number {
  if (!a.length && !b.length) return 0;
  let shared = 0;
  for (let x = 0, y = 0; x < a.length && y < b.length; ) {
    if (a[x] === b[y]) {
      shared++;
      x++;
      y++;
    } else if (a[x] < b[y]) x++;
    else y++;
  }
  return (2 * shared) / (a.length + b.length);
}

/**
 * Each paragraph the edit changed, paired with the new paragraph most like it (one each, the most alike first,
 * then the nearest in order): where a changed paragraph went when it was moved too, which the pairs of equal
 * texts can't say. Its highlights are then looked for there first (third tester's re-check, session 39, W2: 50
 * templated paragraphs moved to the end and changed, their highlights looked for where they had been, and 107
 * took a moved sibling's words). Blank paragraphs pair with nothing.
 */
function similarPairs(a: readonly string[], b: readonly string[], inOrder: [number, number][], pairs: [number, number][]): [number, number][] {
  const pairedA = new Set(pairs.map(([i]) => i));
  const pairedB = new Set(pairs.map(([, j]) => j));
  // Between which two pairs of the diff (increasing in both) a block is: two changed ones alike as much as another
  // pair (twins), the one changed in the same place is the one (a twin deleted above it, the other edited).
  const oldIndexes = inOrder.map(([i]) => i);
  const newIndexes = inOrder.map(([, j]) => j);
  const olds = a.flatMap((t, i) => (pairedA.has(i) || !t.trim() ? [] : [i]));
  const news = b.flatMap((t, j) => (pairedB.has(j) || !t.trim() ? [] : [j]));
  if (!olds.length || !news.length || olds.length * news.length > MAX_COMPARISONS) return [];
  const ids = new Map<string, number>();
  const oldWords = olds.map((i) => wordIds(a[i], ids));
  const newWords = news.map((j) => wordIds(b[j], ids));
  type Candidate = { x: number; y: number; score: number; elsewhere: number; distance: number };
  const better = (p: Candidate, q: Candidate) => q.score - p.score || p.elsewhere - q.elsewhere || p.distance - q.distance;
  const newGaps = news.map((j) => lastAtMost(newIndexes, j));
  const candidates: Candidate[] = [];
  olds.forEach((i, x) => {
    // Where the old paragraph's place is among the changed new ones, by their share of the text.
    const place = Math.round(((x + 0.5) * news.length) / olds.length - 0.5);
    const gap = lastAtMost(oldIndexes, i);
    // Its best few only: sorting every pair alike enough costs more than all the comparisons (templated text).
    const best: Candidate[] = [];
    for (let y = 0; y < news.length; y++) {
      const score = dice(oldWords[x], newWords[y]);
      if (score < SIMILAR) continue;
      const c = { x, y, score, elsewhere: gap === newGaps[y] ? 0 : 1, distance: Math.abs(y - place) };
      if (best.length === KEEP && better(c, best[KEEP - 1]) >= 0) continue;
      let at = best.length - (best.length === KEEP ? 1 : 0);
      while (at > 0 && better(c, best[at - 1]) < 0) at--;
      best.splice(at, 0, c);
      if (best.length > KEEP) best.pop();
    }
    candidates.push(...best);
  });
  candidates.sort(better);
  const takenA = new Set<number>();
  const takenB = new Set<number>();
  const similar: [number, number][] = [];
  for (const { x, y } of candidates) {
    if (takenA.has(x) || takenB.has(y)) continue;
    takenA.add(x);
    takenB.add(y);
    similar.push([olds[x], news[y]]);
  }
  return similar;
}

/**
 * Identical old paragraphs are interchangeable: which copy was changed and which went elsewhere, the texts can't say.
 * A copy paired with a changed paragraph elsewhere, while another copy is kept and the changed one stands where
 * that other copy was (between the same kept paragraphs), trade places: the copy there is the one that was
 * changed, the other the one that moved. Otherwise a figure corrected in place whose identical twin moved put the
 * corrected one's highlight on the twin's words, "moved", and the twin's on the correction (fourth tester, session
 * 40, B3: X9c, X9c2). When the kept copy is in its own place too (both copies in one place, one changed), the
 * diff's reading (the fewest moves) stands: the texts can't tell, and testers' expectations differ (M2e, X9c-mid).
 */
function leastMoved(a: readonly string[], b: readonly string[], pairs: [number, number][], similar: [number, number][], inOrder: [number, number][]) {
  const texts = new Set(similar.map(([i]) => a[i]));
  if (!texts.size) return { pairs, similar };
  const oldIndexes = inOrder.map(([i]) => i);
  const newIndexes = inOrder.map(([, j]) => j);
  const keptOf = new Map<string, [number, number][]>();
  for (const p of pairs) {
    if (!texts.has(a[p[0]])) continue;
    const group = keptOf.get(a[p[0]]);
    if (group) group.push(p);
    else keptOf.set(a[p[0]], [p]);
  }
  if (!keptOf.size) return { pairs, similar };
  const traded = new Set<number>();
  const newSimilar = similar.map(([s, js]): [number, number] => {
    const kept = keptOf.get(a[s]);
    if (!kept) return [s, js];
    // The diff's pairs before a block, the group's own left out: equal counts on both sides, the same place.
    const inOrderOfGroup = kept.filter(([i, j]) => inOrder[lastAtMost(oldIndexes, i)]?.[1] === j);
    const before = (indexes: number[], side: 0 | 1, x: number) => lastAtMost(indexes, x - 1) + 1 - inOrderOfGroup.filter((p) => p[side] < x).length;
    const samePlace = (i: number, j: number) => before(oldIndexes, 0, i) === before(newIndexes, 1, j);
    if (samePlace(s, js)) return [s, js];
    const k = kept.findIndex(([i, jk]) => !traded.has(i) && samePlace(i, js) && !samePlace(i, jk));
    if (k < 0) return [s, js];
    const [i, jk] = kept[k];
    traded.add(i);
    kept[k] = [s, jk];
    return [i, js];
  });
  if (!traded.size) return { pairs, similar };
  const oldAt = new Map([...keptOf.values()].flat().map(([i, j]) => [j, i]));
  return { pairs: pairs.map(([i, j]): [number, number] => [oldAt.get(j) ?? i, j]).sort((x, y) => x[0] - y[0]), similar: newSimilar };
}

/** Past this many copies of one paragraph, `withNeighbours` leaves them as paired (each pair of copies is weighed). */
const MAX_COPIES = 200;

/**
 * Identical paragraphs trade what they were paired with when their neighbours then agree more: a paragraph agrees
 * with each neighbour that went (kept or changed) just beside it in the new text (or with the text's edge at the
 * edge), so a byline goes with its story. Only copies not agreeing with both neighbours trade: kept ones at the
 * edge of a change, changed ones and removed ones. The diff pairs any one of equal longest readings, and took another story's byline (fourth
 * tester, session 40, B6: two stories reordered, each with "Reporting by …", one of them corrected; and its
 * re-checks, the same with nothing corrected, or with a story edited too).
 */
function withNeighbours(a: readonly string[], b: readonly string[], pairs: [number, number][], similar: [number, number][]) {
  const newOf = new Map(pairs);
  const similarOf = new Map(similar);
  // A neighbour kept or changed counts where it went: a story edited in the same save still has its byline.
  const partner = (i: number) => newOf.get(i) ?? similarOf.get(i);
  const agreeing = (i: number, j: number | undefined) =>
    j === undefined
      ? 0
      : (i === 0 ? (j === 0 ? 1 : 0) : partner(i - 1) === j - 1 ? 1 : 0) + (i === a.length - 1 ? (j === b.length - 1 ? 1 : 0) : partner(i + 1) === j + 1 ? 1 : 0);
  const loose = (i: number) => {
    const j = newOf.get(i);
    return j === undefined || agreeing(i, j) < 2;
  };
  const texts = new Set<string>();
  for (const [i] of pairs) if (loose(i)) texts.add(a[i]);
  for (const [i] of similar) texts.add(a[i]);
  const groups = new Map<string, number[]>();
  a.forEach((t, i) => {
    if (!texts.has(t) || !t.trim() || !loose(i)) return;
    const group = groups.get(t);
    if (group) group.push(i);
    else groups.set(t, [i]);
  });
  /** Kept at `j`, or not kept (undefined). */
  const keep = (i: number, j: number | undefined) => (j === undefined ? newOf.delete(i) : newOf.set(i, j));
  let traded = false;
  for (const copies of groups.values()) {
    if (copies.length < 2 || copies.length > MAX_COPIES) continue;
    for (const p of copies) {
      for (const q of copies) {
        const jp = newOf.get(p);
        if (q === p || jp === undefined) continue;
        const jq = newOf.get(q);
        const sq = jq === undefined ? similarOf.get(q) : undefined;
        const asPaired = agreeing(p, jp) + agreeing(q, jq ?? sq);
        // Weighed as traded (q kept at jp, p with what q had): set so, since two neighbouring copies count each other.
        keep(q, jp);
        keep(p, jq);
        if (agreeing(q, jp) + agreeing(p, jq ?? sq) > asPaired) {
          similarOf.delete(q);
          if (sq !== undefined) similarOf.set(p, sq);
          traded = true;
        } else {
          keep(p, jp);
          keep(q, jq);
        }
      }
    }
  }
  if (!traded) return { pairs, similar };
  return { pairs: [...newOf].sort((x, y) => x[0] - y[0]), similar: [...similarOf] };
}

/** What an edit kept of the old text, block by block (paragraphs): see `blockDiff`. */
export interface BlockDiff {
  /**
   * Where the old text's [start, end) is in the new text when those words were kept as they were (every block
   * they touch is one the edit left alone, in the same order), else null.
   */
  keptAt(start: number, end: number): number | null;
  /**
   * Where an offset of the old text is expected in the new one: in a kept block, exactly its new place;
   * elsewhere, as far from the start of the nearest kept block before it (after it, when there is none before).
   * In a changed block: as far from the start of the new block most like it (`counterpart`), when there is one.
   * Undefined when the edit kept no block.
   */
  hint(offset: number): number | undefined;
  /** The new block most like the changed old block holding `offset` (its end included), if any: where that paragraph went. */
  counterpart(offset: number): { start: number; end: number } | undefined;
  /** Whether the new text's [start, end) lies wholly in kept text: words that were there before, elsewhere. */
  kept(start: number, end: number): boolean;
  /** The new text outside kept runs (what the edit wrote, and the breaks around it), in order. */
  written: readonly { start: number; end: number }[];
  /**
   * The old text's blocks the edit changed or removed, joined by breaks: words without a break in them that aren't
   * here stood before only in kept blocks (a quick "no" before a search of the whole old text).
   */
  changedBefore: string;
  /** The written range holding the new text's offset (either end included), if any: a binary search of `written`. */
  writtenAt(offset: number): { start: number; end: number } | undefined;
}

/**
 * Compares an article's text before and after an edit by blocks (paragraphs, headings, list items: the canonical
 * text separates them by a blank line). Re-anchoring reads it (anchorAll): a highlight whose words are in kept
 * blocks stays on them, wherever they went; one whose words were edited or removed is looked for only in text the
 * edit wrote, never on kept words, which are another passage's (black-box, session 38: with a paragraph deleted,
 * reordered or changed, its highlight moved onto an identical paragraph elsewhere, two highlights on one span).
 */
export function blockDiff(oldText: string, newText: string): BlockDiff {
  const before = blocksOf(oldText);
  const after = blocksOf(newText);
  const inOrder = pairBlocks(before.texts, after.texts);
  const moved = withMoved(before.texts, after.texts, inOrder);
  const least = leastMoved(before.texts, after.texts, moved, similarPairs(before.texts, after.texts, inOrder, moved), inOrder);
  const { pairs, similar } = withNeighbours(before.texts, after.texts, least.pairs, least.similar);
  const newOf = new Map(pairs);
  const similarOf = new Map(similar);
  const oldStarts = pairs.map(([i]) => before.starts[i]);
  // Kept runs of the new text: blocks kept one after another in both texts join, with the break between them.
  const runs: { start: number; end: number }[] = [];
  pairs.forEach(([i, j], k) => {
    const start = after.starts[j];
    const end = start + after.texts[j].length;
    const last = runs[runs.length - 1];
    if (last && k > 0 && pairs[k - 1][0] === i - 1 && pairs[k - 1][1] === j - 1) last.end = end;
    else runs.push({ start, end });
  });
  runs.sort((x, y) => x.start - y.start);
  const runStarts = runs.map((r) => r.start);
  const written: { start: number; end: number }[] = [];
  let from = 0;
  for (const r of runs) {
    if (r.start > from) written.push({ start: from, end: r.start });
    from = Math.max(from, r.end);
  }
  if (from < newText.length) written.push({ start: from, end: newText.length });
  const writtenStarts = written.map((r) => r.start);

  /** The new offset of an old one inside a kept block (its end included), or null. */
  const mapped = (offset: number, side: "start" | "end"): number | null => {
    const i = lastAtMost(before.starts, side === "end" ? offset - 1 : offset);
    if (i < 0) return null;
    const j = newOf.get(i);
    const within = offset - before.starts[i];
    if (j === undefined || within > before.texts[i].length) return null;
    return after.starts[j] + within;
  };

  return {
    keptAt(start, end) {
      if (end <= start) return null;
      const from = mapped(start, "start");
      const to = mapped(end, "end");
      if (from === null || to === null || to - from !== end - start) return null;
      // Same ends, same length: the same words only if the text between is too (a changed block of the same
      // length between two kept ones is not).
      return newText.startsWith(oldText.slice(start, end), from) ? from : null;
    },
    hint(offset) {
      const changed = lastAtMost(before.starts, offset);
      const like = similarOf.get(changed);
      if (like !== undefined) return Math.min(after.starts[like] + after.texts[like].length, after.starts[like] + (offset - before.starts[changed]));
      if (!pairs.length) return undefined;
      const k = Math.max(0, lastAtMost(oldStarts, offset));
      const [i, j] = pairs[k];
      return Math.max(0, Math.min(newText.length, after.starts[j] + (offset - before.starts[i])));
    },
    counterpart(offset) {
      const i = lastAtMost(before.starts, offset);
      const j = similarOf.get(i);
      if (j === undefined || offset - before.starts[i] > before.texts[i].length) return undefined;
      return { start: after.starts[j], end: after.starts[j] + after.texts[j].length };
    },
    kept(start, end) {
      const r = lastAtMost(runStarts, start);
      return r >= 0 && end <= runs[r].end;
    },
    written,
    changedBefore: before.texts.filter((_, i) => !newOf.has(i)).join(BLOCK_BREAK),
    writtenAt(offset) {
      const k = lastAtMost(writtenStarts, offset);
      // Two ranges may touch (an empty kept block between them): the earlier one, as a scan from the start finds.
      if (k > 0 && written[k - 1].end >= offset) return written[k - 1];
      const r = written[k];
      return r && offset <= r.end ? r : undefined;
    },
  };
}
