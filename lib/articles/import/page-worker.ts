import { runEvalWorker } from "./eval-worker";
import type { PageFacts } from "./url-page";

/**
 * Parsing a fetched page into a DOM (linkedom) and running Readability over
 * it is synchronous and slow on big pages: measured at ~20 s for 5 MB of
 * article paragraphs on this (loaded) machine, minutes for 5 MB of nested
 * <div>/<a> soup, all of it on the event loop, so the instance answered
 * nothing meanwhile. URL imports therefore run it in a worker thread, as
 * Markdown does (markdown-worker.ts), with a time and a memory limit: past
 * them the page is refused (too-big) instead of holding a core for minutes.
 *
 * The worker's code is inline (eval) and imports linkedom and
 * @mozilla/readability by name, resolved from the app's directory: nothing
 * for the bundler to rewrite, so it runs the same under next start, tsx and
 * vitest. The DOM reading itself is the plain function below, which the
 * worker runs and which this thread runs too (pageFactsOf, and the fallback
 * when no worker starts), so the two can't drift apart.
 */
export const PAGE_TIME_LIMIT_MS = 60_000;
const MEMORY_LIMIT_MB = 1024;

/** What the worker sends back: what metadata is read from, and Readability's article (null when it found none). */
export interface DomRead {
  facts: PageFacts;
  article: { content: string; textContent: string; byline: string | null; siteName: string | null } | null;
}

/**
 * Plain JavaScript (it runs in the worker as is): reads the facts metadata
 * needs from the DOM, then lets Readability take the article — in that order,
 * since Readability rewrites the DOM as it goes.
 */
const READ_DOM = `
function readDom(document, Readability) {
  const text = (el) => (el ? el.textContent : null);
  const metas = [];
  for (const el of document.querySelectorAll("meta")) {
    const key = el.getAttribute("property") ?? el.getAttribute("name") ?? el.getAttribute("itemprop");
    const content = el.getAttribute("content");
    if (key && content) metas.push([key.toLowerCase(), content]);
  }
  const facts = {
    jsonLd: Array.from(document.querySelectorAll('script[type="application/ld+json" i]'), (s) => s.textContent ?? ""),
    metas,
    canonical: document.querySelector('link[rel~="canonical" i]')?.getAttribute("href") ?? null,
    time: document.querySelector("time[datetime]")?.getAttribute("datetime") ?? null,
    h1: text(document.querySelector("h1")),
    title: text(document.querySelector("title")),
    lang: document.documentElement?.getAttribute("lang") ?? null,
  };
  if (!Readability) return { facts, article: null };
  const a = new Readability(document, { keepClasses: false }).parse();
  const article = a ? { content: a.content ?? "", textContent: a.textContent ?? "", byline: a.byline ?? null, siteName: a.siteName ?? null } : null;
  return { facts, article };
}
`;

const WORKER_CODE = `
const { parentPort, workerData } = require("node:worker_threads");
${READ_DOM}
const describe = (err) => String(err && err.name) + ": " + String(err && err.message);
Promise.all([import("linkedom"), import("@mozilla/readability")]).then(([{ parseHTML }, readability]) => {
  let result;
  try {
    const { document } = parseHTML(workerData.html);
    result = { ok: readDom(document, readability.Readability ?? readability.default.Readability) };
  } catch (err) {
    result = { pageError: describe(err) };
  }
  parentPort.postMessage(result);
}, (err) => parentPort.postMessage({ error: describe(err) }));
`;

// The same function in this thread: built from the same source, not a copy.
const readDomHere = new Function(`${READ_DOM}\nreturn readDom;`)() as (document: Document, Readability?: unknown) => DomRead;

/** The facts metadata is read from, from a DOM already parsed in this thread (tests, small inputs). */
export function pageFactsOf(document: Document): PageFacts {
  return readDomHere(document).facts;
}

/** The same reading in this thread: the fallback when no worker starts. */
export async function readDomInThread(html: string): Promise<DomRead> {
  const [{ parseHTML }, { Readability }] = await Promise.all([import("linkedom"), import("@mozilla/readability")]);
  return readDomHere(parseHTML(html).document as unknown as Document, Readability);
}

/** The page went past the worker's time or memory limit, or nests too deeply for it. */
export class PageTooComplex extends Error {}
/** The parser or Readability threw on the page (the worker itself ran). */
export class PageUnreadable extends Error {}

/** Parses `html` and runs Readability over it in a worker thread with time and memory limits. */
export async function readDomOffThread(html: string, timeLimitMs = PAGE_TIME_LIMIT_MS): Promise<DomRead> {
  const end = await runEvalWorker(WORKER_CODE, { html }, { timeMs: timeLimitMs, memoryMb: MEMORY_LIMIT_MB });
  switch (end.kind) {
    case "message": {
      const message = end.message as { ok: DomRead } | { pageError: string } | { error: string };
      if ("ok" in message) return message.ok;
      if ("pageError" in message) throw /RangeError/.test(message.pageError) ? new PageTooComplex("nested too deeply") : new PageUnreadable(message.pageError);
      throw new Error(`Page worker failed: ${message.error}`);
    }
    case "timeout":
      throw new PageTooComplex(`it took over ${Math.round(timeLimitMs / 1000)} s`);
    case "out-of-memory":
      throw new PageTooComplex("it needs too much memory");
    case "error":
      throw end.error instanceof RangeError ? new PageTooComplex("nested too deeply") : end.error;
    case "exit":
      throw new Error(`Page worker exited (${end.code}) without a result.`);
  }
}
