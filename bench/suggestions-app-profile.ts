/**
 * Where the app server's CPU goes per suggestion request (issue 11): the
 * production server started with --cpu-prof over a database the suggestions
 * bench kept (SUGGESTIONS_BENCH_KEEP_DB), the bench's signed-in GETs, then the
 * profile's self time summed by function and by package.
 *   DATABASE_URL=…/ct_…_bench npx tsx bench/suggestions-app-profile.ts [requests]
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { db } from "../lib/db/client";
import { startTestServer } from "../scripts/lib/test-server";
import { evaluationCasesIn, signIn } from "./suggestions.bench";

const REQUESTS = Number(process.argv[2] ?? 200);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

function summarise(file: string) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const url = n.callFrame.url;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url.includes(".next/") ? "(app bundle)" : url ? url.replace(/^.*\//, "") : `(${n.callFrame.functionName || "native"})`);
    const fn = `${n.callFrame.functionName || "(anonymous)"} ${pkg}`;
    if (n.callFrame.functionName === "(idle)") continue;
    total += us;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const top = (m: Map<string, number>, k: number) =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, us]) => `  ${(us / 1000 / REQUESTS).toFixed(2).padStart(6)} ms/req  ${name}`).join("\n");
  console.log(`busy ${(total / 1000 / REQUESTS).toFixed(1)} ms per request (profile, all requests incl. sign-in and warm-up)`);
  console.log(`by package:\n${top(byPackage, 20)}\nby function:\n${top(byFunction, 30)}`);
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "suggest-app-profile-"));
  const url = process.env.DATABASE_URL!;
  const [{ email, slug }] = await db.$queryRaw<{ email: string; slug: string }[]>`
    SELECT u."email", w."slug" FROM "Workspace" w JOIN "Membership" m ON m."workspaceId" = w."id" JOIN "User" u ON u."id" = m."userId"
    WHERE w."id" = (SELECT "workspaceId" FROM "Claim" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1) LIMIT 1`;
  const server = await startTestServer({ quiet: true, database: { url, drop: async () => undefined }, nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`] });
  try {
    const cookie = await signIn(server.baseUrl, email);
    const [{ id }] = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Workspace" WHERE "slug" = ${slug}`;
    const texts = (await evaluationCasesIn(id)).map((c) => c.text);
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const t0 = performance.now();
      const res = await fetch(`${server.baseUrl}/api/w/${slug}/claims/suggestions?text=${encodeURIComponent(texts[i % texts.length])}`, { headers: { cookie } });
      await res.text();
      if (res.status !== 200) throw new Error(`status ${res.status}`);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`${REQUESTS} requests: p50 ${times[Math.floor(REQUESTS / 2)].toFixed(1)} ms; load ${os.loadavg()[0].toFixed(1)}`);
  } finally {
    await server.stop();
    await db.$disconnect();
  }
  const profiles = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  for (const f of profiles) {
    console.log(`\n${f}`);
    summarise(path.join(dir, f));
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
