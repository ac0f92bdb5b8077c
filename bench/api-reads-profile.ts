/**
 * Where the REST API's per-claim and per-workspace reads spend their database time (issue 11): runs each use case
 * behind an API v1 read in-process against a copy of a pages-bench template, then every SQL statement it sent once
 * more under EXPLAIN (ANALYZE, BUFFERS) with the same parameters. Run it on copies at 10k and 100k claims and compare
 * buffers, rows and plan shapes: those don't depend on how busy the machine is, unlike the milliseconds.
 *   createdb -T ct_pages_100k rg_100k
 *   DATABASE_URL=postgresql://…/rg_100k PROFILE_TEMPLATE=ct_pages_100k npx tsx bench/api-reads-profile.ts [case…]
 * PROFILE_TEMPLATE names the template whose comment holds the workspace's handles (bench/lib/dataset-template.ts;
 * a copy's comment is not copied). PROFILE_PLANS=0 prints timings only.
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/db/generated/client";
import { SerialClient } from "../lib/db/serial-client";
import { templateHandles } from "./lib/dataset-template";
import { backendCpuMs } from "./lib/process-usage";

const ROUNDS = Number(process.env.PROFILE_ROUNDS ?? 20);
const CPU_RUNS = Number(process.env.PROFILE_CPU_RUNS ?? 100);



async function main() {
  const url = process.env.DATABASE_URL!;
  const ws = await templateHandles(url, process.env.PROFILE_TEMPLATE ?? "ct_pages_100k");
  const queries: { sql: string; params: string; ms: number }[] = [];
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10, Client: SerialClient }), log: [{ emit: "event", level: "query" }] });
  client.$on("query", (e) => queries.push({ sql: e.query, params: e.params, ms: Number(e.duration) }));
  (globalThis as unknown as { claimtrailDb: PrismaClient }).claimtrailDb = client;
  const { authorize } = await import("../lib/auth/permissions");
  const { getClaim } = await import("../lib/claims/get-claim");
  const { listClaimMentions } = await import("../lib/claims/list-claim-parts");
  const { listClaimEvents } = await import("../lib/claims/list-events");
  const { listClaims } = await import("../lib/claims/list-claims");
  const access = await authorize(ws.admin.id, ws.slug, "workspace.view");
  const hot = ws.hotClaimIds[0];
  // What the bench's API cases call (bench/pages.bench.ts), with the endpoints' page sizes.
  const cases: Record<string, () => Promise<unknown>> = {
    "get claim": () => getClaim(access, hot),
    // The claim page's own read for a claim as most are (bench/pages.bench.ts "typical claim").
    "typical claim": () => getClaim(access, ws.typicalClaimId),
    mentions: () => listClaimMentions(access, hot, { limit: 50 }),
    events: () => listClaimEvents(access, { limit: 51 }),
    "claims first page": () => listClaims(access, { limit: "50" } as never),
    "claims by creation": () => listClaims(access, { limit: "50", sort: "created" } as never),
    "claims by statement": () => listClaims(access, { limit: "50", sort: "statement" } as never),
  };
  const only = process.argv.slice(2);
  const explain = new pg.Client({ connectionString: url });
  await explain.connect();
  const backend = (await explain.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;
  try {
    for (const [name, run] of Object.entries(cases)) {
      if (only.length && !only.some((o) => name.includes(o))) continue;
      for (let i = 0; i < 3; i++) await run();
      const times: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const t0 = performance.now();
        await run();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      queries.length = 0;
      await run();
      const sent = [...queries];
      console.log(`\n=== ${name}: median ${times[Math.floor(ROUNDS / 2)].toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms over ${ROUNDS}; ${sent.length} statements`);
      if (process.env.PROFILE_PLANS === "0") continue;
      for (const q of sent) {
        if (/^(BEGIN|COMMIT|ROLLBACK)/i.test(q.sql.trim())) continue;
        console.log(`\n--- ${q.sql.replace(/\s+/g, " ").slice(0, 200)}\n    params ${q.params.slice(0, 200)}`);
        const params = JSON.parse(q.params) as unknown[];
        // The backend's own CPU time per execution (from /proc, as the pages bench measures the server's): what
        // the statement costs the database whatever else the machine runs, unlike its wall-clock time.
        for (let i = 0; i < 3; i++) await explain.query(q.sql, params);
        const cpu0 = backendCpuMs(backend) ?? 0;
        for (let i = 0; i < CPU_RUNS; i++) await explain.query(q.sql, params);
        const cpuMs = ((backendCpuMs(backend) ?? 0) - cpu0) / CPU_RUNS;
        const { rows } = await explain.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, params);
        console.log(`    database CPU ${cpuMs.toFixed(2)} ms per execution (${CPU_RUNS} runs)`);
        for (const r of rows) console.log(`    ${r["QUERY PLAN"]}`);
      }
    }
  } finally {
    await explain.end();
    await client.$disconnect();
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
