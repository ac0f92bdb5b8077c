import { BLOCK_BREAK, blockDiff } from "./block-diff";
import { contextErrors, editDistanceWithin } from "./distance";
import { fuzzyErrorBound, matchExact, matchFuzzy } from "./match-quote";
import type { Anchor, AnchorSelectors } from "./types";
import { hasVisibleText } from "./unicode";

export interface AnchorOptions {
  /**
   * Where the span is now expected to start (code units), when the caller
   * knows better than the stored position, e.g. after earlier spans in the
   * same document were found shifted, or from the paragraphs the old and new
   * texts share (block-diff.ts); the likeliest first. Defaults to the
   * stored position.
   */
  hint?: number | number[];
  /** Whether the span may be placed at [start, end) (anchorAll: not on words an edit kept; block-diff.ts). */
  allowed?: (start: number, end: number) => boolean;
  /** With `allowed`, the ranges a fuzzy match is searched in (match-quote.ts). */
  within?: readonly { start: number; end: number }[];
  /**
   * Steps 1–2 look only where the hints say, not at the stored position: its paragraph went elsewhere (anchorAll,
   * block-diff.ts's counterpart), and what stands at its old place now is another passage.
   */
  hintsOnly?: boolean;
}

/** The result for a span with no place in the text. */
export const ORPHANED: Anchor = { status: "orphaned" };

/** Whether the quote, with its full stored context, sits at `start`. */
function intactAt(text: string, quote: string, prefix: string, suffix: string, start: number): boolean {
  return text.startsWith(quote, start) && text.endsWith(prefix, start) && text.startsWith(suffix, start + quote.length);
}

/**
 * Where the quote is expected, stored context on one side at least this long found whole, and the other side
 * agreeing at least this much (0–1: a word of it changed), keep the span there (`anchor`, step 2).
 */
const VOUCHING_CONTEXT = 16;
const OTHER_SIDE_AGREEMENT = 0.7;

/**
 * Whether the quote sits at `start` with one side of its stored context, of VOUCHING_CONTEXT or more, whole:
 * null if not, else how much the other side still agrees (0–1).
 */
function halfIntactAt(text: string, quote: string, prefix: string, suffix: string, start: number): number | null {
  if (!text.startsWith(quote, start)) return null;
  const end = start + quote.length;
  const agrees = (context: string, errors: number) => (context.length ? 1 - errors / context.length : 1);
  if (prefix.length >= VOUCHING_CONTEXT && text.endsWith(prefix, start)) return agrees(suffix, contextErrors(text, suffix, end, 1));
  if (suffix.length >= VOUCHING_CONTEXT && text.startsWith(suffix, end)) return agrees(prefix, contextErrors(text, prefix, start, -1));
  return null;
}

/**
 * Finds a stored span in the current `text`:
 *  1. `exact`: the quote is still at its stored position (and no other
 *     occurrence fits the stored context better);
 *  2. the quote where it is expected (the hint, else its stored position),
 *     one side of its context whole and the other mostly agreeing: a word
 *     changed just before or after the words leaves them where the
 *     neighbouring spans' shift says. Scored among every occurrence instead,
 *     context alone preferred a near-copy of the passage far away
 *     (black-box, session 37: templated paragraphs differing by one digit, a
 *     word of the suffix changed here). A paragraph moved away, whose old
 *     place keeps one side only, is still found where it went (step 3);
 *  3. `moved`: the exact quote elsewhere, the one whose prefix/suffix best
 *     match the stored context, nearest the old position among equals;
 *  4. `fuzzy`: no exact occurrence, but a match within
 *     `fuzzyErrorBound(quote.length)` edits (`errors` tells how many) whose
 *     context still agrees, or, for a quote of 32+ code units, one close to
 *     the stored or hinted position (never without a position);
 *  5. `orphaned`: none of these, or the quote is blank.
 *
 * Offsets are UTF-16 code units; fuzzy matches never begin or end inside a
 * surrogate pair.
 */
export function anchor(text: string, selectors: AnchorSelectors, opts: AnchorOptions = {}): Anchor {
  const found = anchorStage(text, selectors, opts, "inPlace") ?? anchorStage(text, selectors, opts, "exact") ?? anchorStage(text, selectors, opts, "fuzzy");
  return found ? plain(found) : ORPHANED;
}

/** A placement without its score. */
const plain = (a: Scored): Anchor =>
  a.status === "fuzzy" ? { status: "fuzzy", start: a.start, end: a.end, errors: a.errors } : { status: a.status, start: a.start, end: a.end, errors: 0 };

/**
 * One step of `anchor`: `inPlace` (steps 1–2: where the span was or is expected, no search), `exact` (step 3)
 * or `fuzzy` (step 4); null when that step finds nothing. anchorAll runs each step for every span before the
 * next, so no span's search takes words another span still holds in place or exactly.
 */
function anchorStage(text: string, selectors: AnchorSelectors, opts: AnchorOptions, stage: "inPlace" | "exact" | "fuzzy"): Scored | null {
  const quote = selectors.quote.exact;
  const prefix = selectors.quote.prefix ?? "";
  const suffix = selectors.quote.suffix ?? "";
  if (!hasVisibleText(quote)) return null;

  const stored = selectors.position?.start;
  const oldStart = Number.isInteger(stored) ? stored : undefined;
  const given = [opts.hint ?? []].flat().filter((n) => Number.isInteger(n));
  const hints = given.length ? given : oldStart === undefined ? [] : [oldStart];
  const end = (start: number) => start + quote.length;
  const allowed = (start: number) => !opts.allowed || opts.allowed(start, end(start));

  if (stage === "inPlace") {
    // Fast paths: most spans of an edited article are untouched, and the cheap
    // comparisons here spare them any search.
    const stored = opts.hintsOnly ? undefined : oldStart;
    if (stored !== undefined && allowed(stored) && intactAt(text, quote, prefix, suffix, stored)) {
      return { status: "exact", start: stored, end: end(stored), errors: 0 };
    }
    for (const hint of hints) {
      if (hint !== stored && allowed(hint) && intactAt(text, quote, prefix, suffix, hint)) return { status: hint === oldStart ? "exact" : "moved", start: hint, end: end(hint), errors: 0 };
    }
    for (const at of new Set([...hints, ...(stored === undefined ? [] : [stored])])) {
      const other = allowed(at) ? halfIntactAt(text, quote, prefix, suffix, at) : null;
      if (other !== null && other >= OTHER_SIDE_AGREEMENT) {
        return { status: at === oldStart ? "exact" : "moved", start: at, end: end(at), errors: 0 };
      }
    }
    return null;
  }

  const expected = [...new Set([...(oldStart === undefined ? [] : [oldStart]), ...hints])];
  const ctx = { prefix, suffix, expected, allowed: opts.allowed, within: opts.within };
  const match = stage === "exact" ? matchExact(text, quote, ctx) : matchFuzzy(text, quote, ctx);
  if (!match) return null;
  const { score } = match;
  if (match.errors > 0) return { status: "fuzzy", start: match.start, end: match.end, errors: match.errors, score };
  return { status: match.start === oldStart ? "exact" : "moved", start: match.start, end: match.end, errors: 0, score };
}

/** A placement with how well it fits (match-quote.ts's score: quote, context, position), when a search found it. */
type Scored = Exclude<Anchor, { status: "orphaned" }> & { score?: number };

/**
 * Where a span whose words an edit kept (block-diff.ts) is now: on those words, exact or moved; a fuzzy one stays
 * fuzzy on them. Null when its stored quote is not what its old place held (a stale row): it is searched for.
 */
function onKeptWords(oldText: string, selectors: AnchorSelectors, start: number, end: number, at: number): Anchor | null {
  const quote = selectors.quote.exact;
  const words = oldText.slice(start, end);
  if (words === quote) return { status: at === start ? "exact" : "moved", start: at, end: at + quote.length, errors: 0 };
  const bound = fuzzyErrorBound(quote.length);
  const errors = editDistanceWithin(words, quote, bound);
  return errors <= bound && hasVisibleText(words) ? { status: "fuzzy", start: at, end: at + words.length, errors } : null;
}

/**
 * Anchors many spans of one document, returning results in input order.
 *
 * Given the text before the edit, the two are compared by paragraph first
 * (block-diff.ts): a span on words the edit kept stays on them, wherever
 * their paragraph went, without a search; any other is looked for only in
 * text the edit wrote, never on another passage's kept words, so deleting,
 * moving or changing one of two identical paragraphs can't put two
 * highlights on one span.
 *
 * Spans are visited in stored-position order and each is first looked for
 * where its paragraph went, and where the previous span's shift predicts it:
 * an inserted paragraph moves everything after it by the same amount, so most
 * moved spans are then confirmed by one comparison instead of a search of the
 * whole text.
 */
export function anchorAll(text: string, annotations: readonly AnchorSelectors[], opts: { oldText?: string; deleted?: readonly boolean[] } = {}): Anchor[] {
  const order = annotations
    .map((a, i) => ({ i, start: a.position?.start, end: a.position?.end }))
    .sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity));
  if (opts.oldText === undefined) return anchorEach(text, annotations, order);
  return anchorAfterEdit(text, annotations, order, opts.oldText, opts.deleted);
}

type Order = { i: number; start: number | undefined; end: number | undefined }[];

/** Without the old text (quote imports): each span in turn, expected where the previous one's shift predicts. */
function anchorEach(text: string, annotations: readonly AnchorSelectors[], order: Order): Anchor[] {
  const results: Anchor[] = new Array(annotations.length);
  let shift = 0;
  for (const { i, start } of order) {
    if (start === undefined || !Number.isInteger(start)) {
      results[i] = anchor(text, annotations[i]);
      continue;
    }
    const result = anchor(text, annotations[i], { hint: Math.max(0, start + shift) });
    results[i] = result;
    if (result.status !== "orphaned") shift = result.start - start;
  }
  return results;
}

type Span = { start: number; end: number };

/**
 * The span with its stored context cut at its paragraph's edges. Looked for in the paragraph most like its own, the
 * pairing already says which passage it is; the paragraphs that stood around it may be others now (the paragraph
 * moved), and a short quote's fuzzy match needs its context to agree: a corrected figure moved to the top of the
 * article was orphaned (fifth tester, session 40: "40,000 people" made "41,000", the paragraph moved first).
 */
function withinParagraph(selectors: AnchorSelectors): AnchorSelectors {
  const { prefix = "", suffix = "" } = selectors.quote;
  const from = prefix.lastIndexOf(BLOCK_BREAK);
  const to = suffix.indexOf(BLOCK_BREAK);
  return { ...selectors, quote: { ...selectors.quote, prefix: from < 0 ? prefix : prefix.slice(from + BLOCK_BREAK.length), suffix: to < 0 ? suffix : suffix.slice(0, to) } };
}

/** Two spans are the same words, or a fuzzy variant of them: overlapping by 80% or more of the longer. */
const nearlySame = (a: Span, b: Span) => Math.min(a.end, b.end) - Math.max(a.start, b.start) >= 0.8 * Math.max(a.end - a.start, b.end - b.start);

/**
 * Spans placed so far, for the rule that no span is put on words another one holds: the same span, or one
 * overlapping it by 80% or more of the longer (a fuzzy variant of the same words; highlights that merely
 * overlap, as people make them, stay apart). Two highlights that were that close before the edit (a sentence
 * and most of it) may stay so: only the exact same span is refused them (third tester, session 39: the inner
 * one of two nested highlights was orphaned when a word elsewhere in their paragraph changed).
 */
class Held {
  private readonly byStart = new Map<number, { end: number; old: Span | undefined }[]>();
  add(start: number, end: number, old: Span | undefined) {
    const spans = this.byStart.get(start);
    if (spans) spans.push({ end, old });
    else this.byStart.set(start, [{ end, old }]);
  }
  /** Whether [start, end) is held for a span that was at `old` before the edit (undefined: not known). */
  holds(start: number, end: number, old: Span | undefined): boolean {
    const reach = Math.ceil((end - start) / 4) + 1;
    for (let s = start - reach; s <= start + reach; s++) {
      for (const held of this.byStart.get(s) ?? []) {
        if (s === start && held.end === end) return true;
        if (nearlySame({ start, end }, { start: s, end: held.end }) && !(old && held.old && nearlySame(old, held.old))) return true;
      }
    }
    return false;
  }
}

/**
 * After an edit: kept words first (block-diff.ts), then every span still where it was or is expected (no
 * search), then exact matches, then fuzzy ones, each first within the text written where the span's own
 * paragraph was, then in any written text. A span never takes words another holds, so one whose words went
 * can't take its twin's while the twin's highlight is still to be placed (black-box, session 38, second
 * tester: first come, first placed had orphaned highlights whose words were untouched).
 */
function anchorAfterEdit(text: string, annotations: readonly AnchorSelectors[], order: Order, oldText: string, deleted?: readonly boolean[]): Anchor[] {
  const diff = blockDiff(oldText, text);
  const held = new Held();
  const oldSpan = (i: number): Span | undefined => {
    const p = annotations[i].position;
    return p && Number.isInteger(p.start) && Number.isInteger(p.end) ? { start: p.start, end: p.end } : undefined;
  };
  const results: Anchor[] = new Array(annotations.length);
  const place = (i: number, placed: Scored) => {
    const result = plain(placed);
    results[i] = result;
    if (result.status !== "orphaned" && deleted?.[i] !== true) held.add(result.start, result.end, oldSpan(i));
  };
  const allowedFor = (i: number, within?: { start: number; end: number }) => (start: number, end: number) =>
    !diff.kept(start, end) && (deleted?.[i] === true || !held.holds(start, end, oldSpan(i))) && (!within || (start >= within.start && end <= within.end));
  /** Where the new text's words [start, end) stood before the edit, in paragraphs it changed or removed, other than span i's own place. */
  function* changedElsewhere(i: number, start: number, end: number) {
    const words = text.slice(start, end);
    if (!words.includes(BLOCK_BREAK) && !diff.changedBefore.includes(words)) return;
    const own = oldSpan(i);
    for (let at = oldText.indexOf(words); at >= 0; at = oldText.indexOf(words, at + 1)) {
      if (own && at < own.end && at + words.length > own.start) continue;
      if (diff.keptAt(at, at + words.length) === null) yield at;
    }
  }
  /**
   * Away from its own paragraph, a span isn't put on words that were another passage's: words that were already
   * in the text in a paragraph the edit changed or removed, found in the text written where that paragraph went
   * (third tester, session 39: a deleted paragraph's "5 percent" highlight went onto a changed twin's words).
   * Words of a paragraph the edit kept are no claim on text written elsewhere: a copy of them moved and changed
   * is still the span's own (its regression R1).
   */
  const notAnotherPassage = (i: number) => (start: number, end: number) => {
    for (const at of changedElsewhere(i, start, end)) {
      const hint = diff.hint(at);
      const theirs = hint === undefined ? undefined : diff.writtenAt(hint);
      if (theirs && start >= theirs.start && end <= theirs.end) return false;
    }
    return true;
  };
  /** In its own paragraph's place, approximate words another changed paragraph held before are not the span's. */
  const notAnotherParagraphsWords = (i: number) => (start: number, end: number) => changedElsewhere(i, start, end).next().done === true;

  type Range = { start: number; end: number };
  const pending: { i: number; hint: number[]; own: Range | undefined; local: Range | undefined }[] = [];
  let shift = 0;
  for (const { i, start, end } of order) {
    if (start === undefined || !Number.isInteger(start)) {
      pending.push({ i, hint: [], own: undefined, local: undefined });
      continue;
    }
    const at = end !== undefined && Number.isInteger(end) ? diff.keptAt(start, end) : null;
    const kept = at === null ? null : onKeptWords(oldText, annotations[i], start, end!, at);
    // Within the text: a span past its end would find no written text of its own to be looked for in first.
    const shifted = Math.min(text.length, Math.max(0, start + shift));
    const own = diff.hint(start);
    // A changed paragraph paired with the new one most like it (its counterpart) is looked for there only: at its old
    // place, or where the span before it moved, may stand another passage, a near-copy whose words were corrected
    // into this one's (fourth tester's re-check, N4: two stories swapped and their figures corrected into each other's).
    const counterpart = diff.counterpart(start);
    const hint = counterpart ? [own ?? counterpart.start] : own === undefined || own === shifted ? [shifted] : [own, shifted];
    const result = kept ?? anchorStage(text, annotations[i], { hint, allowed: allowedFor(i), hintsOnly: counterpart !== undefined }, "inPlace");
    if (result && result.status !== "orphaned") {
      place(i, result);
      shift = result.start - start;
    } else pending.push({ i, hint, own: counterpart, local: diff.writtenAt(hint[0]) });
  }
  // A span finds its own (changed) paragraph's words, even approximately, before it looks anywhere else for an
  // exact copy: a corrected figure ("5" made "7") keeps its highlight, fuzzy, rather than following the old words
  // quoted elsewhere (third tester's re-check, W1). Approximate words there that were another changed paragraph's
  // before are not its own: two near-twins swapped and both changed, each highlight follows its own number (F3).
  // First of all in the paragraph most like its own (block-diff.ts's counterpart): where its paragraph went when it
  // was changed and moved too (W2: templated paragraphs moved to the end and changed took each other's highlights).
  const rounds = [["exact", "own"], ["fuzzy", "own"], ["exact", "local"], ["fuzzy", "local"], ["exact", "anywhere"], ["fuzzy", "anywhere"]] as const;
  for (const [stage, scope] of rounds) {
    const search = (job: (typeof pending)[number]) => {
      const within = scope === "own" ? job.own : scope === "local" ? job.local : undefined;
      const allowed = allowedFor(job.i, within);
      // In the paragraph most like its own, approximate words are its own even if another changed paragraph had them
      // before: two corrections that swap figures, or a chain of them (fourth tester, session 40, B1, B2).
      const theirs = scope === "anywhere" ? notAnotherPassage(job.i) : stage === "fuzzy" && scope === "local" ? notAnotherParagraphsWords(job.i) : undefined;
      const check = theirs ? (start: number, end: number) => allowed(start, end) && theirs(start, end) : allowed;
      return anchorStage(text, scope === "own" ? withinParagraph(annotations[job.i]) : annotations[job.i], { hint: job.hint, allowed: check, within: within ? [within] : diff.written }, stage);
    };
    // The best fitting first, whatever the order: two spans wanting the same words (a twin's, or words one
    // of them still holds), the one whose context they are takes them; the other looks again.
    const found = pending
      .filter((job) => !results[job.i] && (scope === "anywhere" || (scope === "own" ? job.own : job.local)))
      .map((job) => ({ job, found: search(job) }))
      .filter((c): c is { job: (typeof pending)[number]; found: Scored } => c.found !== null)
      .sort((x, y) => (y.found.score ?? 0) - (x.found.score ?? 0));
    for (const { job, found: first } of found) {
      const still = allowedFor(job.i)(first.start, first.end) ? first : search(job);
      if (still) place(job.i, still);
    }
  }
  // Last, a span whose words were only written in another Unicode form (an editor that saves "é" composed where
  // the text had "e" and a combining accent): its words in that form, as a changed passage (third tester,
  // session 39, F8: nothing visible changed, and the highlight was orphaned).
  for (const job of pending) {
    if (results[job.i]) continue;
    for (const form of ["NFC", "NFD"] as const) {
      const { quote, position } = annotations[job.i];
      const other = { exact: quote.exact.normalize(form), prefix: quote.prefix?.normalize(form), suffix: quote.suffix?.normalize(form) };
      if (other.exact === quote.exact) continue;
      const found = anchorStage(text, { quote: other, position }, { hint: job.hint, allowed: allowedFor(job.i, job.local), within: job.local ? [job.local] : diff.written }, "exact");
      if (found) {
        const words = text.slice(found.start, found.end);
        place(job.i, { ...found, status: "fuzzy", errors: editDistanceWithin(words, quote.exact, Math.max(words.length, quote.exact.length)) });
        break;
      }
    }
  }
  for (const job of pending) results[job.i] ??= ORPHANED;
  return results;
}
