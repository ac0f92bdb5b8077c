/**
 * Article-edit benchmark: npm run bench -- --only edit
 *
 * An article of 2,500 paragraphs (~100,000 words) with 10,000 highlights,
 * edited over HTTP through the REST API (PATCH /api/v1/…/articles/{id}) on the
 * production build: each edit saves a revision and re-anchors every highlight
 * in one transaction. Edits alternate between inserting a paragraph at the top
 * (every highlight moves) and removing it again (every highlight moves back),
 * plus one word changed mid-article (half the highlights stay put). One
 * warm-up edit, then 6 timed ones. Target (issue 11): ≤ 2 s each.
 */
import { performance } from "node:perf_hooks";
import { describeSpan } from "../lib/anchoring";
import { seededRandom } from "../lib/anchoring/test-utils";
import { createArticle } from "../lib/articles/create-article";
import { docFromParagraphs } from "../lib/articles/document";
import { createApiToken } from "../lib/api-v1/tokens";
import { db } from "../lib/db/client";
import { makeWorkspace } from "../lib/testing/fixtures";
import { startTestServer } from "../scripts/lib/test-server";
import { backendCpu, backendCpuSpent, treeCpuMs } from "./lib/process-usage";
import { percentile, recordAtMost, recordInfo } from "./lib/report";

const PARAGRAPHS = 2_500;
const PER_PARAGRAPH = 4;
const HIGHLIGHTS = PARAGRAPHS * PER_PARAGRAPH;
const TIMED = 6;
const TARGET_MS = 2_000;

const random = seededRandom(4242);
const WORDS =
  "the ministry said talks on security guarantees would resume after officials published written answers to proposals on expansion of the alliance while diplomats in Geneva and Brussels declined to comment on the draft treaties council harbour budget figures bridge traffic vehicles".split(" ");

function paragraph(i: number): string {
  const words = Array.from({ length: 40 }, () => WORDS[Math.floor(random() * WORDS.length)]);
  return `${i}. ${words.join(" ")}.`;
}

async function main() {
  const server = await startTestServer({ quiet: true });
  process.env.DATABASE_URL = server.database.url;
  try {
    const { workspace, admin } = await makeWorkspace();
    const body = Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i));
    const created = await createArticle({ workspaceId: workspace.id, actorId: admin.id, doc: docFromParagraphs(["Edit bench", ...body]), metadata: { title: "Edit bench", tags: [] } });
    const article = await db.article.findUniqueOrThrow({ where: { id: created.article.id }, select: { id: true, text: true } });
    // Four highlights per paragraph, on word boundaries, some overlapping.
    const rows = [];
    let from = 0;
    for (const p of body) {
      const at = article.text.indexOf(p, from);
      from = at + p.length;
      for (let k = 0; k < PER_PARAGRAPH; k++) {
        const start = at + Math.floor(random() * (p.length - 60));
        const end = start + 15 + Math.floor(random() * 40);
        const span = describeSpan(article.text, start, end);
        rows.push({ workspaceId: workspace.id, articleId: article.id, createdById: admin.id, exact: span.quote.exact, prefix: span.quote.prefix, suffix: span.quote.suffix, start, end, anchoredRevision: 1 });
      }
    }
    await db.annotation.createMany({ data: rows });
    const { token } = await createApiToken(admin.id, { workspace: workspace.slug, name: "edit bench" });
    const url = `${server.baseUrl}/api/v1/workspaces/${workspace.slug}/articles/${article.id}`;

    const versions: string[][] = [
      ["Edit bench", "A correction was added at the top of this article on the day after publication.", ...body],
      ["Edit bench", ...body],
      ["Edit bench", ...body.slice(0, PARAGRAPHS / 2), body[PARAGRAPHS / 2].replace("the", "a"), ...body.slice(PARAGRAPHS / 2 + 1)],
    ];
    let version = 1;
    const backends = async () =>
      (await db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`).map((r) => r.pid);
    const edit = async (paragraphs: string[]) => {
      const dbBefore = await backendCpu(backends);
      const appBefore = treeCpuMs(server.pid);
      const t0 = performance.now();
      const res = await fetch(url, {
        method: "PATCH",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ version, content: paragraphs.join("\n\n") }),
      });
      const json = (await res.json()) as { version?: number; reanchored?: number; detail?: string };
      const ms = performance.now() - t0;
      const appCpu = treeCpuMs(server.pid) - appBefore;
      const dbCpu = backendCpuSpent(dbBefore, await backendCpu(backends));
      if (res.status !== 200) throw new Error(`edit answered ${res.status}: ${json.detail}`);
      version = json.version!;
      return { ms, appCpu, dbCpu, reanchored: json.reanchored! };
    };
    await edit(versions[0]); // warm-up
    await edit(versions[1]);
    const times: number[] = [];
    const appCpu: number[] = [];
    const dbCpu: number[] = [];
    const moved: number[] = [];
    for (let i = 0; i < TIMED; i++) {
      const r = await edit(versions[i % versions.length]);
      times.push(r.ms);
      appCpu.push(r.appCpu);
      dbCpu.push(r.dbCpu);
      moved.push(r.reanchored);
    }
    const scale = `${HIGHLIGHTS.toLocaleString("en")} highlights`;
    const list = (xs: number[]) => xs.map((t) => t.toFixed(0)).join(", ");
    console.log(`  highlights moved per edit: ${moved.join(", ")}; times (ms): ${list(times)}; server CPU (ms): ${list(appCpu)}; database CPU (ms): ${list(dbCpu)}`);
    recordInfo({ area: "article edit", measure: `p50 over HTTP (${TIMED} edits)`, scale, value: percentile(times, 50), unit: "ms" });
    recordInfo({ area: "article edit", measure: "server CPU per edit, p50", scale, value: percentile(appCpu, 50), unit: "ms" });
    recordInfo({ area: "article edit", measure: "database CPU per edit, p50", scale, value: percentile(dbCpu, 50), unit: "ms" });
    recordAtMost({ area: "article edit", measure: `slowest of ${TIMED} edits over HTTP`, scale, value: Math.max(...times), unit: "ms" }, TARGET_MS);
  } finally {
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
