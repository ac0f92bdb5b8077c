import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anchor, anchorAll, describeSpan, fuzzyErrorBound, type Anchor, type SpanSelectors } from "./index";
import { applyEdit, levenshtein, mapSpan, type Edit, type TrackedSpan } from "./test-utils";
import { splitsSurrogatePair } from "./unicode";

const TOKENS = [
  ...["the", "council", "said", "port", "budget", "on", "Tuesday", "NATO", "17", "December", "talks", "a"],
  ...["переговоры", "Москва", "заявил", "в", "январе"],
  ...["قال", "المتحدث", "جنيف", "השיחות", "הדובר", "בשבוע"],
  ...["😀", "🎉🎉", "👨‍👩‍👧", "🇺🇦", "🏆"],
  ...["cafe\u0301", "Andre\u0301", "n\u0303o", "e\u0301\u0301"],
  ...[",", ".", "—", "“quoted”"],
];
const SEPARATORS = [" ", " ", " ", " ", "\n\n", "\u200f "];

const phrase = (min: number, max: number) =>
  fc
    .array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom(...SEPARATORS)), { minLength: min, maxLength: max })
    .map((parts) => parts.map(([t, s]) => t + s).join(""));

/** Code-unit offsets that don't split a surrogate pair. */
function boundaries(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i <= text.length; i++) if (!splitsSurrogatePair(text, i)) out.push(i);
  return out;
}

const snap = (text: string, i: number) => {
  const c = Math.max(0, Math.min(text.length, i));
  return splitsSurrogatePair(text, c) ? c + 1 : c;
};

const spanSpec = fc.record({ at: fc.nat(), len: fc.integer({ min: 1, max: 60 }) });
const editSpec = fc.record({
  kind: fc.constantFrom("insert", "delete", "replace"),
  // Half of the edits aim at an annotation's edge, so spans do get touched.
  near: fc.boolean(),
  target: fc.nat(),
  edge: fc.constantFrom("start", "end"),
  offset: fc.integer({ min: -12, max: 12 }),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 40 }),
  insert: phrase(1, 6),
  copy: fc.boolean(),
});

const scenario = fc.record({
  doc: phrase(10, 120),
  spans: fc.array(spanSpec, { minLength: 1, maxLength: 12 }),
  edits: fc.array(editSpec, { maxLength: 8 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

interface Case {
  original: string;
  text: string;
  selectors: SpanSelectors[];
  tracked: TrackedSpan[];
}

function build({ doc, spans, edits }: Scenario): Case {
  const b = boundaries(doc);
  const selectors: SpanSelectors[] = [];
  for (const { at, len } of spans) {
    const i = at % (b.length - 1);
    const start = b[i];
    const end = b[Math.min(b.length - 1, i + len)];
    if (/\S/.test(doc.slice(start, end))) selectors.push(describeSpan(doc, start, end));
  }
  let text = doc;
  let tracked: TrackedSpan[] = selectors.map((s) => ({ start: s.position.start, end: s.position.end, touched: false }));
  for (const e of edits) {
    const target = tracked.length ? tracked[e.target % tracked.length] : undefined;
    const pos = e.near && target ? target[e.edge] + e.offset : e.at % (text.length + 1);
    const start = snap(text, pos);
    const end = e.kind === "insert" ? start : snap(text, start + e.len);
    const copyFrom = snap(text, e.at % (text.length + 1));
    const insert = e.kind === "delete" ? "" : e.copy ? text.slice(copyFrom, snap(text, copyFrom + e.len)) : e.insert;
    const edit: Edit = { start, end, insert };
    text = applyEdit(text, edit);
    tracked = tracked.map((t) => mapSpan(t, edit));
  }
  return { original: doc, text, selectors, tracked };
}

function countOccurrences(text: string, quote: string): number {
  let n = 0;
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) n++;
  return n;
}

function checkOutcome(text: string, s: SpanSelectors, a: Anchor) {
  const quote = s.quote.exact;
  if (a.status === "orphaned") {
    expect(a.start).toBeUndefined();
    return;
  }
  expect(splitsSurrogatePair(text, a.start)).toBe(false);
  expect(splitsSurrogatePair(text, a.end)).toBe(false);
  const found = text.slice(a.start, a.end);
  if (a.status === "fuzzy") {
    expect(a.errors).toBeGreaterThan(0);
    expect(levenshtein(found, quote)).toBe(a.errors);
    expect(a.errors).toBeLessThanOrEqual(fuzzyErrorBound(quote.length));
  } else {
    expect(found).toBe(quote);
    if (a.status === "exact") expect(a.start).toBe(s.position.start);
  }
}

const RUNS = { numRuns: 500 };

describe("anchoring properties", () => {
  // Every outcome is exact/moved onto the identical quote, fuzzy within the error bound, or orphaned — nothing else.
  it("only ever attaches to the quote or a bounded near-copy of it", () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const { text, selectors } = build(sc);
        const batch = anchorAll(text, selectors);
        selectors.forEach((s, i) => {
          checkOutcome(text, s, batch[i]);
          checkOutcome(text, s, anchor(text, s));
        });
      }),
      RUNS,
    );
  });

  // An annotation whose span no edit touched is never orphaned and its anchored text still equals its quote.
  it("never loses an untouched span", () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const { text, selectors, tracked } = build(sc);
        const batch = anchorAll(text, selectors);
        selectors.forEach((s, i) => {
          if (tracked[i].touched) return;
          for (const a of [batch[i], anchor(text, s)]) {
            expect(a.status === "exact" || a.status === "moved").toBe(true);
            expect(text.slice(a.start, a.end)).toBe(s.quote.exact);
          }
        });
      }),
      RUNS,
    );
  });

  // An untouched span whose quote now occurs only once is found at exactly its tracked position.
  it("finds a unique untouched quote where the edits moved it", () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const { text, selectors, tracked } = build(sc);
        const batch = anchorAll(text, selectors);
        selectors.forEach((s, i) => {
          if (tracked[i].touched || countOccurrences(text, s.quote.exact) !== 1) return;
          expect(batch[i].start).toBe(tracked[i].start);
        });
      }),
      RUNS,
    );
  });

  // Without edits, every annotation is exact at its own stored position.
  it("is exact everywhere on unchanged text", () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const { original, selectors } = build({ ...sc, edits: [] });
        for (const [i, a] of anchorAll(original, selectors).entries()) {
          const { start, end } = selectors[i].position;
          expect(a).toEqual({ status: "exact", start, end, errors: 0 });
        }
      }),
      RUNS,
    );
  });
});
