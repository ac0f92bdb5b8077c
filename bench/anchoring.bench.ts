/**
 * Re-anchoring benchmark: npx tsx bench/anchoring.bench.ts
 *
 * Builds a ~300 KB article from the reference corpus (../shared/corpus,
 * copies varied so they aren't identical; generated prose if it is absent),
 * describes 2,000 spans, applies 50 seeded random edits, then
 *  1. times anchorAll over every span (quote + position, as the app stores
 *     them) and checks every result (wrong text or over the fuzzy bound: 0);
 *  2. compares like with like: our matcher and Apache Annotator's text-quote
 *     matcher given the same input — the quote with its prefix and suffix, no
 *     position — for the same ≥ 100 quotes, on the same text, in jsdom (two
 *     DOM shapes) and in Chromium (the real DOM the reader renders).
 * Figures go to the bench table (bench/lib/report.ts).
 *
 * `performance` is the global one, never imported: the functions given to page.evaluate run in Chromium,
 * where a module's import binding (`import_node_perf_hooks`) does not exist and the run failed.
 */
import { createTextQuoteSelectorMatcher } from "@apache-annotator/dom";
import { JSDOM } from "jsdom";
import { anchorAll, describeSpan, fuzzyErrorBound, type Anchor, type SpanSelectors } from "../lib/anchoring";
import { applyEdit, levenshtein, readCorpus, seededRandom, type Edit } from "../lib/anchoring/test-utils";
import { chromium } from "@playwright/test";
import { build } from "esbuild";
import { CHROMIUM_ARGS, chromiumPath } from "../lib/testing/chromium";
import { recordAtMost, recordInfo } from "./lib/report";

const TARGET_LENGTH = 300_000;
const ANNOTATIONS = 2_000;
const EDITS = 50;
const RUNS = 7;
/** Apache Annotator walks the DOM per selector; past this budget (per DOM shape) we sample… */
const APACHE_BUDGET_MS = 10_000;
/** …but never fewer quotes than this. */
const MIN_QUOTES = 100;

const random = seededRandom(20220117);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

const FALLBACK_WORDS =
  "the council said on Tuesday that talks on the harbour budget would resume after the ministry published its figures for the year and officials declined to comment further".split(" ");

function sourceParagraphs(): { paragraphs: string[]; from: string } {
  const corpus = readCorpus();
  if (corpus) return { paragraphs: corpus.flatMap((a) => a.split(/\n\s*\n/)).filter((p) => p.trim()), from: "corpus" };
  const paragraphs = Array.from({ length: 60 }, () =>
    Array.from({ length: int(30, 90) }, () => pick(FALLBACK_WORDS)).join(" ") + ".",
  );
  return { paragraphs, from: "generated prose (corpus absent)" };
}

/**
 * Copies of the source with ~1 word in 3 swapped: far enough apart that a
 * sentence's copy is not a near-copy (over the fuzzy bound), while short
 * phrases still repeat, as they do in real articles.
 */
function buildText(paragraphs: string[]): string {
  const vocabulary = paragraphs.flatMap((p) => p.split(/\s+/)).filter((w) => /^[A-Za-z]{3,}$/.test(w));
  const out: string[] = [];
  let length = 0;
  while (length < TARGET_LENGTH) {
    for (const p of paragraphs) {
      const varied = p.replace(/\b[A-Za-z]{3,}\b/g, (w) => (random() < 0.33 ? pick(vocabulary) : w));
      out.push(varied);
      length += varied.length + 2;
    }
  }
  return out.join("\n\n");
}

/** Spans on word boundaries: mostly phrases and sentences, some single words. */
function makeAnnotations(text: string): SpanSelectors[] {
  const out: SpanSelectors[] = [];
  while (out.length < ANNOTATIONS) {
    const at = text.indexOf(" ", int(0, text.length - 300)) + 1;
    const length = random() < 0.15 ? int(4, 20) : int(20, 200);
    let end = text.indexOf(" ", at + length);
    if (end < 0) end = text.length;
    if (/\S/.test(text.slice(at, end))) out.push(describeSpan(text, at, end));
  }
  return out;
}

/** 50 edits: new paragraphs, deletions, word-level fixes and rewrites. */
function randomEdits(text: string): { text: string; edits: Edit[] } {
  const edits: Edit[] = [];
  for (let i = 0; i < EDITS; i++) {
    const kind = pick(["paragraph", "delete", "word", "word", "rewrite"] as const);
    let edit: Edit;
    if (kind === "paragraph") {
      const at = text.indexOf("\n\n", int(0, text.length - 1));
      const pos = at < 0 ? text.length : at + 2;
      const words = Array.from({ length: int(20, 80) }, () => pick(FALLBACK_WORDS));
      edit = { start: pos, end: pos, insert: words.join(" ") + ".\n\n" };
    } else if (kind === "delete") {
      const start = int(0, text.length - 400);
      edit = { start, end: start + int(10, 400), insert: "" };
    } else if (kind === "word") {
      const start = text.indexOf(" ", int(0, text.length - 50)) + 1;
      const end = text.indexOf(" ", start);
      const word = text.slice(start, end);
      const k = int(0, Math.max(0, word.length - 1));
      edit = { start, end, insert: word.slice(0, k) + pick(["", "e", "ss"]) + word.slice(k + 1) };
    } else {
      const start = int(0, text.length - 100);
      edit = { start, end: start + int(10, 60), insert: Array.from({ length: int(1, 8) }, () => pick(FALLBACK_WORDS)).join(" ") };
    }
    edits.push(edit);
    text = applyEdit(text, edit);
  }
  return { text, edits };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeRuns(fn: () => void): number[] {
  fn(); // warm-up: JIT and caches, not part of the figures
  return Array.from({ length: RUNS }, () => {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  });
}

function checkResults(text: string, selectors: SpanSelectors[], results: Anchor[]): number {
  let violations = 0;
  results.forEach((r, i) => {
    const quote = selectors[i].quote.exact;
    if (r.status === "exact" || r.status === "moved") violations += text.slice(r.start, r.end) === quote ? 0 : 1;
    if (r.status === "fuzzy") {
      const d = levenshtein(text.slice(r.start, r.end), quote);
      violations += d === r.errors && d <= fuzzyErrorBound(quote.length) ? 0 : 1;
    }
  });
  return violations;
}

type DomShape = "paragraphs" | "single text node";

function htmlFor(text: string, shape: DomShape): string {
  const escape = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return shape === "paragraphs"
    ? text.split("\n\n").map((p) => `<p>${escape(p)}</p>`).join("\n\n")
    : `<div style="white-space: pre-wrap">${escape(text)}</div>`;
}

/**
 * A DOM whose body text is exactly `text`: either one <p> per paragraph with
 * the blank lines between them (how an article is rendered), or the whole
 * text in one node (the easiest case for a DOM text matcher).
 */
function domFor(text: string, shape: DomShape): HTMLElement {
  const { window } = new JSDOM(`<!doctype html><html><body>${htmlFor(text, shape)}</body></html>`);
  // The matcher reads these DOM globals rather than the document's window.
  Object.assign(globalThis, { Node: window.Node, NodeFilter: window.NodeFilter, Range: window.Range });
  const body = window.document.body;
  if (body.textContent !== text) throw new Error("DOM text differs from the canonical text");
  return body;
}

type Quote = SpanSelectors["quote"];

async function apacheMatchAll(body: HTMLElement, quotes: Quote[]): Promise<number> {
  let found = 0;
  for (const q of quotes) {
    const matcher = createTextQuoteSelectorMatcher(q);
    let n = 0;
    // Consume every match: a caller must see all of them to choose among repeats.
    for await (const range of matcher(body)) n += range ? 1 : 0;
    if (n > 0) found++;
  }
  return found;
}

/** Ours given exactly what Apache's matcher is given: the quote and its context, no position. */
const quoteOnly = (quotes: Quote[]) => quotes.map((quote) => ({ quote }));
const foundByUs = (results: Anchor[]) => results.filter((r) => r.status !== "orphaned").length;

interface Comparison {
  label: string;
  size: number;
  ours: number;
  oursFound: number;
  theirs: number;
  theirsFound: number;
}

/** Every `every`-th quote: within the time budget for Apache's matcher, and at least MIN_QUOTES. */
function spreadSample(quotes: Quote[], msPerQuote: number): Quote[] {
  const every = Math.max(1, Math.min(Math.ceil((msPerQuote * quotes.length) / APACHE_BUDGET_MS), Math.floor(quotes.length / MIN_QUOTES)));
  return quotes.filter((_, i) => i % every === 0);
}

async function compareInJsdom(text: string, quotes: Quote[], shape: DomShape): Promise<Comparison> {
  const body = domFor(text, shape);
  const probe = quotes.slice(0, 5);
  const t0 = performance.now();
  await apacheMatchAll(body, probe);
  const subset = spreadSample(quotes, (performance.now() - t0) / probe.length);
  const ours = median(timeRuns(() => anchorAll(text, quoteOnly(subset))));
  const oursFound = foundByUs(anchorAll(text, quoteOnly(subset)));
  await apacheMatchAll(body, subset.slice(0, 3)); // warm-up
  const t1 = performance.now();
  const theirsFound = await apacheMatchAll(body, subset);
  const theirs = performance.now() - t1;
  return { label: `jsdom, ${shape}`, size: subset.length, ours, oursFound, theirs, theirsFound };
}

/** The same comparison in Chromium: both matchers bundled into the page, timed there on its real DOM. */
async function compareInChromium(text: string, quotes: Quote[]): Promise<Comparison> {
  const bundle = await build({
    stdin: {
      contents: `import { anchorAll } from "./lib/anchoring"; import { createTextQuoteSelectorMatcher } from "@apache-annotator/dom";
        Object.assign(window, { __bench: { anchorAll, createTextQuoteSelectorMatcher } });`,
      resolveDir: process.cwd(),
      loader: "ts",
    },
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    logLevel: "silent",
  });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(`<!doctype html><html><body>${htmlFor(text, "paragraphs")}</body></html>`);
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    const run = (subset: Quote[], timeOurs: boolean) =>
      page.evaluate(
        async ({ subset, runs, timeOurs }) => {
          type Api = {
            anchorAll: (text: string, spans: { quote: Quote }[]) => Anchor[];
            createTextQuoteSelectorMatcher: (q: Quote) => (scope: Node) => AsyncIterable<Range>;
          };
          const api = (window as unknown as { __bench: Api }).__bench;
          const body = document.body;
          const pageText = body.textContent ?? "";
          const spans = subset.map((quote) => ({ quote }));
          let ours = 0;
          let oursFound = 0;
          if (timeOurs) {
            api.anchorAll(pageText, spans); // warm-up
            const times: number[] = [];
            for (let r = 0; r < runs; r++) {
              const t0 = performance.now();
              const results = api.anchorAll(pageText, spans);
              times.push(performance.now() - t0);
              oursFound = results.filter((x) => x.status !== "orphaned").length;
            }
            ours = times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
          }
          const t1 = performance.now();
          let theirsFound = 0;
          for (const q of subset) {
            let n = 0;
            for await (const range of api.createTextQuoteSelectorMatcher(q)(body)) n += range ? 1 : 0;
            if (n > 0) theirsFound++;
          }
          return { ours, oursFound, theirs: performance.now() - t1, theirsFound, sameText: pageText.length };
        },
        { subset, runs: RUNS, timeOurs },
      );
    const probe = quotes.slice(0, 5);
    const probed = await run(probe, false);
    if (probed.sameText !== text.length) throw new Error("Chromium's DOM text differs from the canonical text");
    const subset = spreadSample(quotes, probed.theirs / probe.length);
    const r = await run(subset, true);
    return { label: "Chromium, paragraphs", size: subset.length, ours: r.ours, oursFound: r.oursFound, theirs: r.theirs, theirsFound: r.theirsFound };
  } finally {
    await browser.close();
  }
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function main() {
  const { paragraphs, from } = sourceParagraphs();
  const original = buildText(paragraphs);
  const selectors = makeAnnotations(original);
  const { text } = randomEdits(original);
  console.log(`Text: ${original.length.toLocaleString()} code units from ${from}; after ${EDITS} edits: ${text.length.toLocaleString()}`);
  console.log(`Annotations: ${selectors.length.toLocaleString()}; our times are medians of ${RUNS} runs after a warm-up\n`);

  let results: Anchor[] = [];
  // As the app re-anchors after an edit: with the text before it, whose paragraphs hint where each span went.
  const all = timeRuns(() => {
    results = anchorAll(text, selectors, { oldText: original });
  });
  const counts = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  for (const r of results) counts[r.status]++;
  console.log(`anchorAll over ${selectors.length} spans: median ${fmt(median(all))} (min ${fmt(Math.min(...all))}, max ${fmt(Math.max(...all))})`);
  console.log(`  statuses: exact ${counts.exact}, moved ${counts.moved}, fuzzy ${counts.fuzzy}, orphaned ${counts.orphaned}`);
  const scale = `${Math.round(text.length / 1000)} KB text, ${selectors.length.toLocaleString("en")} spans`;
  recordInfo({ area: "anchoring", measure: `re-anchor every span after ${EDITS} edits (median)`, scale, value: median(all), unit: "ms" });
  recordAtMost({ area: "anchoring", measure: "results with wrong text or over the fuzzy bound", scale, value: checkResults(text, selectors, results), unit: "" }, 0);

  // Like with like: the quotes still in the text, given to both matchers as quote + prefix + suffix.
  const present = selectors.filter((s) => text.includes(s.quote.exact)).map((s) => s.quote);
  console.log(`\nSame input for both matchers: ${present.length} quotes (with prefix and suffix, no position) still in the text.`);
  const comparisons = [
    await compareInJsdom(text, present, "single text node"),
    await compareInJsdom(text, present, "paragraphs"),
    await compareInChromium(text, present),
  ];
  for (const c of comparisons) {
    const where = `${c.label}, ${c.size} quotes`;
    console.log(`  ${where}: ours ${fmt(c.ours)} (found ${c.oursFound}), Apache Annotator 0.2 ${fmt(c.theirs)} (found ${c.theirsFound})`);
    recordInfo({ area: "quote matching", measure: `ours, quote + context only (${c.label})`, scale: `${c.size} quotes`, value: c.ours, unit: "ms" });
    recordInfo({ area: "quote matching", measure: `Apache Annotator, same quotes (${c.label})`, scale: `${c.size} quotes`, value: c.theirs, unit: "ms" });
    recordInfo({ area: "quote matching", measure: `quotes found: ours / theirs (${c.label})`, scale: `${c.size} quotes`, value: c.theirsFound ? c.oursFound / c.theirsFound : 0, unit: "×" });
  }
  console.log(
    "Ours: median of runs after a warm-up. Theirs: one run after a warm-up, consuming every match. Apache's matcher requires " +
      "prefix and suffix to match exactly, so it finds no quote whose surroundings were edited; ours finds those too (fuzzy context).",
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
