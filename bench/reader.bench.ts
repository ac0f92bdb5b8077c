/**
 * Reader benchmark: npx tsx bench/reader.bench.ts
 *
 * A 20,000-word article with 1,000 highlights against the same article with
 * none, each loaded several times in Chromium against the production build.
 * "Interactive" is the moment the article text is mounted, its highlights are
 * drawn and the main thread is free again (a frame plus a task later).
 * Prints both medians and their ratio; the target is at most 1.5×.
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

async function timeLoad(page: Page, url: string, expectHighlights: boolean): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(
    (needHighlights) => !!document.querySelector("[data-testid=article-text]") && (!needHighlights || document.querySelectorAll(".ct-hl").length > 0),
    expectHighlights,
    { polling: "raf", timeout: 60_000 },
  );
  return page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0))));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const server = await startTestServer({ quiet: true });
  process.env.DATABASE_URL = server.database.url;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const { user, slug, plain, marked } = await seed();
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/signin`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill("bench-password-123");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Your workspaces" }).waitFor();
    const urls = { plain: `${server.baseUrl}/w/${slug}/articles/${plain}`, marked: `${server.baseUrl}/w/${slug}/articles/${marked}` };
    // One warm-up each, so neither side pays for the first compile of its route.
    await timeLoad(page, urls.plain, false);
    await timeLoad(page, urls.marked, true);
    const times = { plain: [] as number[], marked: [] as number[] };
    for (let i = 0; i < LOADS; i++) {
      times.plain.push(await timeLoad(page, urls.plain, false));
      times.marked.push(await timeLoad(page, urls.marked, true));
    }
    const segments = await page.locator(".ct-hl").count();
    const a = median(times.plain);
    const b = median(times.marked);
    console.log(`\nReader: ${WORDS.toLocaleString("en")} words, ${LOADS} loads each (median time to interactive, ms since navigation start)`);
    console.log(`  no highlights           ${a.toFixed(0).padStart(6)} ms   [${times.plain.map((t) => t.toFixed(0)).join(", ")}]`);
    console.log(`  ${HIGHLIGHTS.toLocaleString("en")} highlights (${segments} runs) ${b.toFixed(0).padStart(6)} ms   [${times.marked.map((t) => t.toFixed(0)).join(", ")}]`);
    console.log(`  ratio                   ${(b / a).toFixed(2)}×   (target ≤ 1.5×) ${b / a <= 1.5 ? "met" : "NOT met"}`);
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
