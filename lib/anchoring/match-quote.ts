import search from "approx-string-match";
import { contextErrors, editDistanceWithin } from "./distance";
import { hasVisibleText, splitsSurrogatePair } from "./unicode";

/**
 * Fraction of a quote's length (code units) by which a fuzzy match may differ.
 * 20% survives a fixed typo or a changed word in a phrase; it refuses, for a
 * sentence, the neighbouring sentence that merely shares its opening words.
 */
export const MAX_ERROR_RATE = 0.2;

/**
 * Ceiling on the edit distance of any fuzzy match, in code units: past this, a
 * long quote has been rewritten rather than corrected, and a person should
 * re-attach it.
 */
export const MAX_ERRORS_CAP = 32;

/**
 * Quotes shorter than this many code units (a word, a date) can turn into a
 * different fact within the error bound ("17 December" / "27 December"), so a
 * fuzzy match of one must also sit in recognisably the same context.
 */
export const SHORT_QUOTE_LENGTH = 32;

/**
 * Context similarity (0–1, pooled over prefix and suffix) that a fuzzy match
 * needs when it is a short quote, or lies away from the expected position: a
 * near-copy of a sentence elsewhere in the article is not the same passage
 * unless its surroundings agree too.
 */
export const MIN_CONTEXT_SIMILARITY = 0.5;

/** Most edit operations (code units) a fuzzy match of a quote may need. */
export function fuzzyErrorBound(quoteLength: number): number {
  return Math.min(MAX_ERRORS_CAP, Math.floor(quoteLength * MAX_ERROR_RATE));
}

/** What is known about where the quote should be, besides the quote itself. */
export interface QuoteContext {
  prefix: string;
  suffix: string;
  /** Expected start offsets (old position, predicted position), code units. */
  expected: number[];
  /** Whether a match may lie at [start, end): re-anchoring after an edit never puts a span on kept words (block-diff.ts). */
  allowed?: (start: number, end: number) => boolean;
  /**
   * With `allowed`: the only ranges, in order, a fuzzy match is looked for in (with `allowed`'s kept words left
   * out of the search itself: it reports only the fewest errors found, so an exact copy on kept words would hide
   * a near one where it may go).
   */
  within?: readonly { start: number; end: number }[];
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** Edit distance between `text.slice(start, end)` and the quote. */
  errors: number;
  /** Context similarity, 0–1: 1 − context errors / stored context length. */
  context: number;
  score: number;
}

/**
 * Hypothesis's weights: quote fidelity first, then context, with position
 * only breaking ties between otherwise equal candidates (repeats).
 */
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 };

/** Above this many exact repeats, only the likeliest ones get the full score. */
const MAX_SCORED_CANDIDATES = 16;

/**
 * Code units searched on each side of the expected span, widening until the
 * whole text: the expected position is usually off by a few edits' length,
 * and Myers' search costs time proportional to the length searched.
 */
const FUZZY_REACH = [512, 8192, Infinity];

function distanceToExpected(start: number, expected: number[]): number {
  let d = Infinity;
  for (const e of expected) d = Math.min(d, Math.abs(start - e));
  return d;
}

function similarity(errors: number, length: number): number {
  return length === 0 ? 1 : 1 - errors / length;
}

function scoreMatch(text: string, quote: string, ctx: QuoteContext, start: number, end: number, errors: number): QuoteMatch {
  const prefixErrors = contextErrors(text, ctx.prefix, start, -1);
  const suffixErrors = contextErrors(text, ctx.suffix, end, 1);
  const prefix = similarity(prefixErrors, ctx.prefix.length);
  const suffix = similarity(suffixErrors, ctx.suffix.length);
  const distance = distanceToExpected(start, ctx.expected);
  const position = Number.isFinite(distance) ? 1 - distance / Math.max(text.length, 1) : 0;
  const score =
    WEIGHT.quote * similarity(errors, quote.length) +
    WEIGHT.prefix * prefix +
    WEIGHT.suffix * suffix +
    WEIGHT.position * position;
  // Pooled over both sides, so a side with no stored context (a quote at the
  // start or end of the text) neither vouches for a match nor counts against it.
  const context = similarity(prefixErrors + suffixErrors, ctx.prefix.length + ctx.suffix.length);
  return { start, end, errors, context, score };
}

function best(matches: QuoteMatch[]): QuoteMatch | null {
  let top: QuoteMatch | null = null;
  for (const m of matches) if (!top || m.score > top.score) top = m;
  return top;
}

/** Length (code units) of exactly matching context adjacent to a match. */
function adjacentAgreement(text: string, ctx: QuoteContext, start: number, end: number): number {
  let n = 0;
  while (n < ctx.prefix.length && text[start - 1 - n] === ctx.prefix[ctx.prefix.length - 1 - n]) n++;
  let m = 0;
  while (m < ctx.suffix.length && text[end + m] === ctx.suffix[m]) m++;
  return n + m;
}

/**
 * Best exact occurrence of `quote`, or null. Common quotes ("NATO") can occur
 * hundreds of times; a cheap adjacent-context count keeps only the likeliest
 * few for the full (dynamic-programming) context score.
 */
export function matchExact(text: string, quote: string, ctx: QuoteContext): QuoteMatch | null {
  const starts: number[] = [];
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) if (!ctx.allowed || ctx.allowed(i, i + quote.length)) starts.push(i);
  if (starts.length === 0) return null;

  let shortlist = starts;
  if (starts.length > MAX_SCORED_CANDIDATES) {
    const keyed = starts.map((s) => ({
      s,
      agree: adjacentAgreement(text, ctx, s, s + quote.length),
      dist: distanceToExpected(s, ctx.expected),
    }));
    const byAgreement = [...keyed].sort((a, b) => b.agree - a.agree || a.dist - b.dist);
    const byDistance = [...keyed].sort((a, b) => a.dist - b.dist);
    const half = MAX_SCORED_CANDIDATES / 2;
    shortlist = [...new Set([...byAgreement.slice(0, half), ...byDistance.slice(0, half)].map((k) => k.s))];
  }
  return best(shortlist.map((s) => scoreMatch(text, quote, ctx, s, s + quote.length, 0)));
}

/**
 * Moves a fuzzy match's ends off the middle of surrogate pairs (the search
 * works on code units and can stop between the halves of an emoji) and, where
 * `words` says the quote had whole words there, to word edges, keeping
 * whichever variant is closest to the quote. Returns null if none is within
 * `maxErrors`, or the match is blank. `seen` holds the errors of spans already
 * measured for this quote.
 */
function settle(text: string, quote: string, start: number, end: number, maxErrors: number, words: { start: boolean; end: boolean }, seen: Map<string, number>) {
  const starts = (splitsSurrogatePair(text, start) ? [start - 1, start + 1] : [start]).flatMap((s) => (words.start ? wordStarts(text, s) : [s]));
  const ends = (splitsSurrogatePair(text, end) ? [end + 1, end - 1] : [end]).flatMap((e) => (words.end ? wordEnds(text, e) : [e]));
  let found: { start: number; end: number; errors: number } | null = null;
  for (const s of starts) {
    for (const e of ends) {
      if (s >= e || !hasVisibleText(text, s, e)) continue;
      // Candidates come in runs (one per possible end) that settle on the same words: each pair is measured once.
      const key = `${s}:${e}`;
      let errors = seen.get(key);
      if (errors === undefined) seen.set(key, (errors = editDistanceWithin(text.slice(s, e), quote, maxErrors)));
      if (errors <= maxErrors && (!found || errors < found.errors)) found = { start: s, end: e, errors };
    }
  }
  return found;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
const isWord = (c: string | undefined) => c !== undefined && WORD.test(c);
/** Farthest a fuzzy match's end moves to reach a word's edge: past it (text without spaces), it stays where it is. */
const MAX_SNAP = 16;

/**
 * Where a fuzzy match that starts inside a word may start instead: that word's start, or the next word's; itself if
 * it doesn't start inside one. A highlight that began with a word once began mid-word after an edit ("fell to 4
 * percent" made "rose to …" marked "se to 4 percent": fourth tester, session 40, B4).
 */
function wordStarts(text: string, at: number): number[] {
  if (!isWord(text[at - 1]) || !isWord(text[at])) return [at];
  let back = at;
  while (back > 0 && isWord(text[back - 1]) && at - back <= MAX_SNAP) back--;
  let ahead = at;
  while (ahead < text.length && isWord(text[ahead]) && ahead - at <= MAX_SNAP) ahead++;
  while (ahead < text.length && !isWord(text[ahead]) && ahead - at <= MAX_SNAP) ahead++;
  const out = [back, ahead].filter((x) => Math.abs(x - at) <= MAX_SNAP && !isWord(text[x - 1]));
  return out.length ? out : [at];
}

/** The same for a match's end: that word's end, or the previous word's. */
function wordEnds(text: string, at: number): number[] {
  if (!isWord(text[at - 1]) || !isWord(text[at])) return [at];
  let ahead = at;
  while (ahead < text.length && isWord(text[ahead]) && ahead - at <= MAX_SNAP) ahead++;
  let back = at;
  while (back > 0 && isWord(text[back - 1]) && at - back <= MAX_SNAP) back--;
  while (back > 0 && !isWord(text[back - 1]) && at - back <= MAX_SNAP) back--;
  const out = [ahead, back].filter((x) => Math.abs(x - at) <= MAX_SNAP && !isWord(text[x]));
  return out.length ? out : [at];
}

/** The pieces of [from, to) a fuzzy search reads: all of it, or its overlap with `within`, widened by `pad`. */
function searchedPieces(ctx: QuoteContext, from: number, to: number, pad: number): [number, number][] {
  if (!ctx.within) return [[from, to]];
  const pieces: [number, number][] = [];
  for (const r of ctx.within) {
    const lo = Math.max(from, r.start - pad);
    const hi = Math.min(to, r.end + pad);
    if (lo < hi) pieces.push([lo, hi]);
  }
  return pieces;
}

/** The pieces with the ranges `cut` taken out of them. */
function cutOut(pieces: [number, number][], cut: { start: number; end: number }[]): [number, number][] {
  let out = pieces;
  for (const c of cut) out = out.flatMap(([lo, hi]): [number, number][] => (c.end <= lo || c.start >= hi ? [[lo, hi]] : ([[lo, c.start], [c.end, hi]] as [number, number][]).filter(([a, b]) => b > a)));
  return out;
}

/** Searches rounds this many times at most, cutting out matches `allowed` refuses. */
const SEARCH_ROUNDS = 4;

function fuzzyCandidates(text: string, quote: string, ctx: QuoteContext, maxErrors: number, from: number, to: number) {
  let pieces = searchedPieces(ctx, from, to, maxErrors);
  let raw: { start: number; end: number }[] = [];
  // The search reports only the fewest errors it finds: a copy another span holds (0 errors) would hide this
  // span's changed words (1 error) behind it. Refused matches are cut out and the rest searched again.
  for (let round = 0; round < SEARCH_ROUNDS; round++) {
    const found = pieces.flatMap(([lo, hi]) => (hi - lo < quote.length - maxErrors ? [] : search(text.slice(lo, hi), quote, maxErrors).map((m) => ({ start: m.start + lo, end: m.end + lo }))));
    raw = found.filter((m) => !ctx.allowed || ctx.allowed(m.start, m.end));
    if (raw.length || !found.length || !ctx.allowed) break;
    pieces = cutOut(pieces, found);
  }
  // Near-identical candidates come in runs (one per possible end); score the
  // ones nearest the expected position.
  raw.sort((a, b) => distanceToExpected(a.start, ctx.expected) - distanceToExpected(b.start, ctx.expected));
  const out: QuoteMatch[] = [];
  // Whole words at an end where the quote had them (it began or ended a word): a highlight made mid-word stays so.
  const words = { start: isWord(quote[0]) && !isWord(ctx.prefix[ctx.prefix.length - 1]), end: isWord(quote[quote.length - 1]) && !isWord(ctx.suffix[0]) };
  const seen = new Map<string, number>();
  const scored = new Set<string>();
  for (const m of raw.slice(0, MAX_SCORED_CANDIDATES)) {
    const settled = settle(text, quote, m.start, m.end, maxErrors, words, seen);
    if (!settled || scored.has(`${settled.start}:${settled.end}`)) continue;
    scored.add(`${settled.start}:${settled.end}`);
    if (!ctx.allowed || ctx.allowed(settled.start, settled.end)) out.push(scoreMatch(text, quote, ctx, settled.start, settled.end, settled.errors));
  }
  return out;
}

/**
 * Best approximate match of `quote` within `fuzzyErrorBound(quote.length)`
 * edits, or null. Searches windows of growing reach around the expected
 * position and stops at the first match whose context agrees; a long quote
 * may also match in the first window on its own strength. Without an
 * expected position nothing is "near", so the whole text is searched and the
 * context must agree. Cost: Myers' search, O(window length · errors / 32)
 * per window.
 */
export function matchFuzzy(text: string, quote: string, ctx: QuoteContext): QuoteMatch | null {
  const maxErrors = fuzzyErrorBound(quote.length);
  if (maxErrors === 0) return null;
  const anchored = ctx.expected.length > 0;
  const first = anchored ? Math.min(...ctx.expected) : 0;
  const last = anchored ? Math.max(...ctx.expected) : text.length;

  let nearby: QuoteMatch | null = null;
  let searched = { lo: -1, hi: -1 };
  for (const [stage, reach] of FUZZY_REACH.entries()) {
    const lo = anchored ? Math.max(0, first - reach - maxErrors) : 0;
    const hi = anchored ? Math.min(text.length, last + quote.length + reach + maxErrors) : text.length;
    if (lo === searched.lo && hi === searched.hi) break;
    searched = { lo, hi };
    const candidates = fuzzyCandidates(text, quote, ctx, maxErrors, lo, hi);
    const agreeing = best(candidates.filter((m) => m.context >= MIN_CONTEXT_SIMILARITY));
    if (agreeing) return agreeing;
    if (stage === 0 && anchored && quote.length >= SHORT_QUOTE_LENGTH) nearby = best(candidates);
  }
  return nearby;
}

/**
 * Where `quote` best fits in `text`: an exact occurrence if there is any
 * (context, then position, choosing among repeats), else an approximate one.
 * Offsets and errors are in UTF-16 code units.
 */
export function matchQuote(text: string, quote: string, ctx: QuoteContext): QuoteMatch | null {
  return matchExact(text, quote, ctx) ?? matchFuzzy(text, quote, ctx);
}
