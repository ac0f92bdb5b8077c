/**
 * Where a page's server CPU goes (issue 11): the production server (`next start`) over a copy of a pages-bench
 * template, one page requested REQUESTS times in a row as bench/pages.bench.ts does, measured three ways:
 * - the `next start` process's CPU per request (/proc: Node alone; PostgreSQL runs in processes of its own),
 * - the CPU the database's backends spent per request (/proc of every backend of that database),
 * - with PROFILE_CPU=1, a V8 CPU profile of the server (`node --cpu-prof`), summed by self time per package
 *   (react-dom, next, prisma, pg, the app's own chunks, garbage collection…) and its top functions.
 * The profile slows the server; compare CPU per request only between runs without it.
 *   createdb -T ct_pages_100k x_100k
 *   DATABASE_URL=postgresql://…/x_100k PROFILE_TEMPLATE=ct_pages_100k npx tsx bench/pages-cpu-profile.ts [list|claim|…]
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { startTestServer } from "../scripts/lib/test-server";
import type { GeneratedWorkspace } from "./lib/dataset";
import { templateHandles } from "./lib/dataset-template";
import { backendCpu, backendCpuSpent, CLIENT_BACKENDS_SQL, treeCpuMs } from "./lib/process-usage";
import { percentile } from "./lib/report";

const REQUESTS = Number(process.env.PROFILE_REQUESTS ?? 100);
const WARMUP = 5;
const PROFILE = process.env.PROFILE_CPU === "1";

const PAGES: Record<string, (ws: GeneratedWorkspace) => string> = {
  list: (ws) => `/w/${ws.slug}/claims`,
  created: (ws) => `/w/${ws.slug}/claims?sort=created`,
  claimant: (ws) => `/w/${ws.slug}/claims?claimant=${encodeURIComponent(ws.sample.claimant)}`,
  common: () => "", // set below (needs the slug)
  claim: (ws) => `/w/${ws.slug}/claims/${ws.typicalClaimId}`,
  hot: (ws) => `/w/${ws.slug}/claims/${ws.hotClaimIds[0]}`,
  dashboard: (ws) => `/w/${ws.slug}/dashboard`,
  api: (ws) => `/api/v1/workspaces/${ws.slug}/claims`,
  // The fixed cost of any page: the root and workspace layouts around a page that reads nothing.
  members: (ws) => `/w/${ws.slug}/members`,
  signin: () => "/signin",
};
PAGES.common = (ws) => `/w/${ws.slug}/claims?q=inflation`;


interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** What a script belongs to: its package under node_modules, the app's server chunks, or V8's own entries. */
function owner(url: string, fn: string): string {
  if (!url) return fn.startsWith("(") ? fn : "(native)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) {
    if (m[1] === "next") {
      const inner = /next\/dist\/(compiled\/[^/]+|[^/]+\/[^/]+)/.exec(url);
      return `next/${inner?.[1] ?? "?"}`;
    }
    return m[1];
  }
  if (url.includes("/.next/server/")) return `app chunk ${url.replace(/.*\/\.next\/server\//, "")}`;
  if (url.startsWith("node:")) return "node:internal";
  return url.replace(/^file:\/\//, "");
}

/** Now on V8's profile clock (CLOCK_MONOTONIC, µs), to keep only the samples taken while the requests ran. */
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

function summarise(file: string, requests: number, windows: [number, number][]): void {
  const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (windows.some(([a, b]) => at >= a && at <= b)) self.set(id, (self.get(id) ?? 0) + delta / 1000);
  });
  const byOwner = new Map<string, number>();
  const byFn = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    if (n.callFrame.functionName === "(idle)") continue;
    total += ms;
    const o = owner(n.callFrame.url, n.callFrame.functionName);
    byOwner.set(o, (byOwner.get(o) ?? 0) + ms);
    const f = `${n.callFrame.functionName || "(anonymous)"} ${o}:${n.callFrame.lineNumber}`;
    byFn.set(f, (byFn.get(f) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
  console.log(`  profile ${path.basename(file)}: ${(total / requests).toFixed(1)} ms busy per request (self time while the measured requests ran, idle excluded)`);
  console.log("  by owner (ms per request, share):");
  for (const [o, ms] of top(byOwner, 25)) console.log(`    ${(ms / requests).toFixed(2).padStart(7)}  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${o}`);
  console.log("  top functions by self time:");
  for (const [f, ms] of top(byFn, 40)) console.log(`    ${(ms / requests).toFixed(2).padStart(7)}  ${f}`);
}

async function main() {
  const url = process.env.DATABASE_URL!;
  const ws = await templateHandles(url, process.env.PROFILE_TEMPLATE ?? "ct_pages_100k");
  const names = process.argv.slice(2).length ? process.argv.slice(2) : ["list", "claim"];
  const dir = path.join(os.tmpdir(), `pages-cpu-profile-${process.pid}`);
  if (PROFILE) mkdirSync(dir, { recursive: true });
  const windows: [number, number][] = [];
  const server = await startTestServer({
    quiet: true,
    database: { url, drop: async () => undefined },
    nodeArgs: PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${dir}`, "--cpu-prof-interval=200"] : [],
    env: { API_RATE_LIMIT: "1000000" },
  });
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const pids = async () => (await db.query<{ pid: number }>(CLIENT_BACKENDS_SQL)).rows.map((r) => r.pid);
  try {
    const token = await encode({ token: { sub: ws.admin.id, sid: ws.admin.sessionId, name: ws.admin.name, email: ws.admin.email }, secret: server.env.NEXTAUTH_SECRET! });
    for (const name of names) {
      const p = PAGES[name](ws);
      const headers: Record<string, string> = p.startsWith("/api/v1") ? { authorization: `Bearer ${ws.admin.apiToken}` } : p === "/signin" ? {} : { cookie: `next-auth.session-token=${token}` };
      // PROFILE_ENCODING=identity: the response uncompressed, to see what the server's gzip costs (fetch asks for gzip).
      if (process.env.PROFILE_ENCODING) headers["accept-encoding"] = process.env.PROFILE_ENCODING;
      let bytes = 0;
      const get = async () => {
        const t0 = performance.now();
        const res = await fetch(server.baseUrl + p, { headers, redirect: "manual" });
        const body = await res.arrayBuffer();
        bytes = body.byteLength;
        // PROFILE_SAVE=<dir>: each page's last body, to see what it is made of.
        if (process.env.PROFILE_SAVE) writeFileSync(path.join(process.env.PROFILE_SAVE, `${name}.html`), Buffer.from(body));
        if (res.status !== 200) throw new Error(`${p}: HTTP ${res.status}`);
        return performance.now() - t0;
      };
      for (let i = 0; i < WARMUP; i++) await get();
      const cpu0 = treeCpuMs(server.pid);
      const db0 = await backendCpu(pids);
      const ms: number[] = [];
      const w0 = monotonicUs();
      for (let i = 0; i < REQUESTS; i++) ms.push(await get());
      windows.push([w0, monotonicUs()]);
      const node = (treeCpuMs(server.pid) - cpu0) / REQUESTS;
      const dbCpu = backendCpuSpent(db0, await backendCpu(pids)) / REQUESTS;
      console.log(`${name}: p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms; Node CPU ${node.toFixed(1)} ms/request, PostgreSQL CPU ${dbCpu.toFixed(1)} ms/request; ${bytes} bytes; load ${os.loadavg()[0].toFixed(2)}`);
    }
  } finally {
    await db.end();
    await server.stop();
  }
  if (PROFILE) {
    // next start writes its profile as it exits; give it a moment.
    for (let i = 0; i < 50 && !readdirSync(dir).length; i++) await new Promise((r) => setTimeout(r, 200));
    for (const f of readdirSync(dir)) summarise(path.join(dir, f), names.length * REQUESTS, windows);
    if (process.env.PROFILE_KEEP) console.log(`  kept ${dir}; windows ${JSON.stringify(windows)}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
