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
import { createApiToken } from "../lib/api-v1/tokens";
import { db } from "../lib/db/client";
import { startTestServer } from "../scripts/lib/test-server";
import { HIGHLIGHTS, setUpEditBench } from "./lib/edit-article-setup";
import { backendCpu, backendCpuSpent, CLIENT_BACKENDS_SQL, treeCpuMs } from "./lib/process-usage";
import { percentile, recordAtMost, recordInfo } from "./lib/report";

const TIMED = 6;
const TARGET_MS = 2_000;

async function main() {
  const server = await startTestServer({ quiet: true });
  process.env.DATABASE_URL = server.database.url;
  try {
    const { slug, adminId, articleId, versions } = await setUpEditBench();
    const { token } = await createApiToken(adminId, { workspace: slug, name: "edit bench" });
    const url = `${server.baseUrl}/api/v1/workspaces/${slug}/articles/${articleId}`;

    let version = 1;
    const backends = async () =>
      (await db.$queryRawUnsafe<{ pid: number }[]>(CLIENT_BACKENDS_SQL)).map((r) => r.pid);
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
