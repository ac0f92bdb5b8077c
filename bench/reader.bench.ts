/**
 * Reader benchmark: npx tsx bench/reader.bench.ts
 *
 * A 20,000-word article with 1,000 highlights against the same article with
 * none, each loaded several times in Chromium against the production build.
 * "Interactive" is the moment the article text is mounted, its highlights are
 * drawn and the main thread is free again (a frame plus a task later).
 * Also measures, on the same loads, the main thread's total blocking time
 * (the sum of every long task's time beyond 50 ms, from navigation start to
 * interactive) and the longest task, from Chromium's Long Tasks API.
 * Records both medians and their ratio (target ≤ 1.5×) in the bench table.
 */
import { chromium, type Page } from "@playwright/test";
import { describeSpan } from "../lib/anchoring";
import { seededRandom } from "../lib/anchoring/test-utils";
import { docFromParagraphs } from "../lib/articles/document";
import { createArticle } from "../lib/articles/create-article";
import { db } from "../lib/db/client";
import { CHROMIUM_ARGS, chromiumPath } from "../lib/testing/chromium";
import { createUser } from "../lib/users/create-user";
import { createWorkspace } from "../lib/workspaces/create-workspace";
import { startTestServer } from "../scripts/lib/test-server";
import { recordAtMost, recordInfo } from "./lib/report";

const WORDS = 20_000;
const HIGHLIGHTS = 1_000;
const LOADS = 7;

const random = seededRandom(1997);
const VOCABULARY =
  "the ministry said talks on security guarantees would resume after officials published written answers to proposals on expansion of the alliance while diplomats in Geneva and Brussels declined to comment on the draft treaties".split(" ");

function paragraphs(): string[] {
  const out: string[] = [];
  let words = 0;
  while (words < WORDS) {
    const n = Math.min(60 + Math.floor(random() * 60), WORDS - words);
    const sentence = Array.from({ length: n }, () => VOCABULARY[Math.floor(random() * VOCABULARY.length)]).join(" ");
    out.push(sentence[0].toUpperCase() + sentence.slice(1) + ".");
    words += n;
  }
  return out;
}

async function seed() {
  const user = await createUser({ name: "Bench Reader", email: `bench-${Date.now()}@example.test`, password: "bench-password-123" });
  const workspace = await createWorkspace({ name: "Reader bench", ownerId: user.id });
  const body = paragraphs();
  const make = async (title: string) => {
    const result = await createArticle({ workspaceId: workspace.id, actorId: user.id, doc: docFromParagraphs([title, ...body]), metadata: { title, tags: [] } });
    return db.article.findUniqueOrThrow({ where: { id: result.article.id }, select: { id: true, text: true, revision: true } });
  };
  const plain = await make("Without highlights");
  const marked = await make("With highlights");
  const rows = Array.from({ length: HIGHLIGHTS }, () => {
    const start = Math.floor(random() * (marked.text.length - 400));
    const end = start + 20 + Math.floor(random() * 200);
    const { quote } = describeSpan(marked.text, start, end);
    return { workspaceId: workspace.id, articleId: marked.id, createdById: user.id, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start, end, anchoredRevision: marked.revision };
  });
  await db.annotation.createMany({ data: rows });
  return { user, slug: workspace.slug, plain: plain.id, marked: marked.id };
}

interface Load {
  interactive: number;
  blocking: number;
  longest: number;
}

/** Collects long tasks from the start of every document (installed once per page with addInitScript). */
function observeLongTasks() {
  const tasks: { start: number; duration: number }[] = [];
  (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
}

async function timeLoad(page: Page, url: string, expectHighlights: boolean): Promise<Load> {
  await page.goto(url);
  await page.waitForFunction(
    (needHighlights) => !!document.querySelector("[data-testid=article-text]") && (!needHighlights || document.querySelectorAll(".ct-hl").length > 0),
    expectHighlights,
    { polling: "raf", timeout: 60_000 },
  );
  const interactive = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0))));
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
  const within = tasks.filter((t) => t.start <= interactive);
  return {
    interactive,
    blocking: within.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
    longest: within.reduce((max, t) => Math.max(max, t.duration), 0),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const server = await startTestServer({ quiet: true });
  process.env.DATABASE_URL = server.database.url;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const { user, slug, plain, marked } = await seed();
    const page = await browser.newPage();
    await page.addInitScript(observeLongTasks);
    await page.goto(`${server.baseUrl}/signin`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill("bench-password-123");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Your workspaces" }).waitFor();
    const urls = { plain: `${server.baseUrl}/w/${slug}/articles/${plain}`, marked: `${server.baseUrl}/w/${slug}/articles/${marked}` };
    // One warm-up each, so neither side pays for the first compile of its route.
    await timeLoad(page, urls.plain, false);
    await timeLoad(page, urls.marked, true);
    const loads = { plain: [] as Load[], marked: [] as Load[] };
    for (let i = 0; i < LOADS; i++) {
      loads.plain.push(await timeLoad(page, urls.plain, false));
      loads.marked.push(await timeLoad(page, urls.marked, true));
    }
    const segments = await page.locator(".ct-hl").count();
    const med = (side: "plain" | "marked", key: keyof Load) => median(loads[side].map((l) => l[key]));
    const a = med("plain", "interactive");
    const b = med("marked", "interactive");
    const list = (side: "plain" | "marked") => loads[side].map((l) => l.interactive.toFixed(0)).join(", ");
    console.log(`\nReader: ${WORDS.toLocaleString("en")} words, ${LOADS} loads each (median, ms since navigation start)`);
    console.log(`  no highlights: interactive ${a.toFixed(0)} ms [${list("plain")}], blocking ${med("plain", "blocking").toFixed(0)} ms, longest task ${med("plain", "longest").toFixed(0)} ms`);
    console.log(`  ${HIGHLIGHTS.toLocaleString("en")} highlights (${segments} runs): interactive ${b.toFixed(0)} ms [${list("marked")}], blocking ${med("marked", "blocking").toFixed(0)} ms, longest task ${med("marked", "longest").toFixed(0)} ms`);
    const scale = `${WORDS / 1000}k words`;
    const withHl = `${scale}, ${HIGHLIGHTS.toLocaleString("en")} highlights`;
    recordInfo({ area: "reader", measure: "time to interactive, no highlights (median)", scale, value: a, unit: "ms" });
    recordInfo({ area: "reader", measure: "time to interactive (median)", scale: withHl, value: b, unit: "ms" });
    recordAtMost({ area: "reader", measure: "interactive with highlights ÷ without (same article)", scale: withHl, value: b / a, unit: "×" }, 1.5);
    recordInfo({ area: "reader", measure: "total blocking time, no highlights (median)", scale, value: med("plain", "blocking"), unit: "ms" });
    recordInfo({ area: "reader", measure: "total blocking time (median)", scale: withHl, value: med("marked", "blocking"), unit: "ms" });
    recordInfo({ area: "reader", measure: "longest task, no highlights (median)", scale, value: med("plain", "longest"), unit: "ms" });
    recordInfo({ area: "reader", measure: "longest task (median)", scale: withHl, value: med("marked", "longest"), unit: "ms" });
  } finally {
    await browser.close();
    await db.$disconnect();
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
