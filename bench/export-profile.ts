/**
 * CPU per export, in process (no HTTP, no Next): each format's chunks pulled as fast as they come,
 * the Node process's CPU (process.cpuUsage) and the database's backends' CPU (/proc, sampled as the
 * bench does) per run, with a SHA-256 of the bytes so a change can be checked to write the same
 * output. For trying changes to the exports quickly; the bench (export.bench.ts) is the measure.
 *
 *   DATABASE_URL=…/<a copy of a bench template> npx tsx bench/export-profile.ts <workspace slug> [format,…] [runs]
 */
import { createHash } from "node:crypto";
import os from "node:os";
import { backendCpuMs, CLIENT_BACKENDS_SQL } from "./lib/process-usage";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { authorize } from "../lib/auth/permissions";
import { coalesce, exportChunks } from "../lib/export/export";
import type { ExportFormat } from "../lib/export/filters";
import { closeExportPool } from "../lib/export/rows";


async function main() {
  const [slug, formatsArg, runsArg] = process.argv.slice(2);
  const formats = (formatsArg ?? "jsonl,csv,w3c,claimreview,bundle").split(",") as ExportFormat[];
  const runs = Number(runsArg ?? 3);
  const monitor = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await monitor.connect();
  const admin = (await monitor.query(`SELECT m."userId" FROM "Membership" m JOIN "Workspace" w ON w.id = m."workspaceId" WHERE w.slug = $1 AND m.role = 'admin' LIMIT 1`, [slug])).rows[0].userId as string;
  const access = await authorize(admin, slug, "workspace.view");
  const exportedAt = new Date("2026-12-01T00:00:00Z");
  for (const format of formats) {
    for (let run = 0; run < runs; run++) {
      const first = new Map<number, number>();
      const last = new Map<number, number>();
      const pids = async () => ((await monitor.query(CLIENT_BACKENDS_SQL)).rows as { pid: number }[]).map((r) => r.pid);
      for (const pid of await pids()) first.set(pid, backendCpuMs(pid) ?? 0);
      let sampling = true;
      const loop = (async () => {
        while (sampling) {
          for (const pid of await pids()) {
            const ms = backendCpuMs(pid);
            if (ms !== null) last.set(pid, ms);
          }
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const hash = createHash("sha256");
      let bytes = 0;
      for await (const piece of coalesce(await exportChunks(access, format, {}, exportedAt))) {
        bytes += piece.byteLength;
        hash.update(piece);
      }
      const seconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      sampling = false;
      await loop;
      let db = 0;
      for (const [pid, ms] of last) db += ms - (first.get(pid) ?? 0);
      console.log(
        `${format} run ${run + 1}: ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s; node CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s, database CPU ${(db / 1000).toFixed(2)} s; sha256 ${hash.digest("hex").slice(0, 16)} (load ${os.loadavg()[0].toFixed(1)})`,
      );
    }
  }
  await monitor.end();
  await closeExportPool();
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
