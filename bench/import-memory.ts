/**
 * Peak memory of a bundle import, CLI and (optionally) API, on a dataset generated once
 * (bench/generate-template.ts):
 *
 *   npx tsx bench/import-memory.ts <template database> <bundle file> [cli|dry|api]...
 *
 * The bundle is exported from the workspace of the template's copy the first time (kept in the file
 * after; never from the template itself: a copy of a template fails while anyone is connected to it);
 * each import goes into a new workspace of a copy of the template, its process tree's resident
 * memory sampled from /proc every 50 ms, its CPU time read from /proc (load-independent, unlike
 * the wall clock), and the load average printed beside every figure. `api` starts the production
 * server on the copy, uploads the bundle as a stream, then reads the server's memory 15, 30 (the pages bench's settled figure) and 60 s after.
 * BENCH_IMPORT_CWD=<checkout> runs the CLI of another checkout (its scripts/cli.ts, from its folder):
 * the code before a change, side by side with this one. BENCH_SERVER_NODE_ARGS adds node options to the
 * server's (e.g. --heapsnapshot-signal=SIGUSR2, with BENCH_HEAP_SNAPSHOT=1 to have it write one after the 60 s reading).
 */
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, statSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { performance } from "node:perf_hooks";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { authorize } from "../lib/auth/permissions";
import { db } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { exportChunks } from "../lib/export";
import { serverTimeouts } from "../scripts/lib/keep-alive";
import { startTestServer } from "../scripts/lib/test-server";
import type { GeneratedWorkspace } from "./lib/dataset";
import { storedTemplate } from "./lib/dataset-template";
import { MB, sampler, treeCpuMs, treeRss, treeRssByKind } from "./lib/process-usage";

const server = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const urlOf = (name: string) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(" / ");
/** The test server's own secret (scripts/lib/test-server.ts), to sign a session token for the upload. */
const SECRET = "test-secret-not-for-production";

async function exportBundle(database: string, ws: GeneratedWorkspace, file: string) {
  // The app's own export (read only): the same bytes the API serves. The db client is made on first use.
  process.env.DATABASE_URL = urlOf(database);
  const out = createWriteStream(file);
  for await (const c of await exportChunks(await authorize(ws.admin.id, ws.slug, "workspace.view"), "bundle", {})) if (!out.write(c)) await once(out, "drain");
  out.end();
  await once(out, "finish");
  await db.$disconnect();
}

async function main() {
  const [template, bundleArg, ...modes] = process.argv.slice(2);
  if (!template || !bundleArg) throw new Error("usage: import-memory.ts <template database> <bundle file> [cli|dry|api]...");
  const bundleFile = path.resolve(bundleArg); // the CLI may run from another folder (BENCH_IMPORT_CWD)
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const { stored } = await storedTemplate(admin, template);
  if (!stored) throw new Error(`${template}: no generated dataset (bench/generate-template.ts)`);
  const { ws, claims } = stored;
  const copy = `${template}_imp_${Date.now()}`;
  // The export's pool may still be closing its connections to the template: a copy needs none open.
  for (let tries = 0; ; tries++) {
    try {
      await admin.query(`CREATE DATABASE "${copy}" TEMPLATE "${template}"`);
      break;
    } catch (err) {
      if (tries >= 20 || !/being accessed by other users/.test((err as Error).message)) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  await admin.query(`COMMENT ON DATABASE "${copy}" IS NULL`);
  await migrate(urlOf(copy)); // migrations added since the template was made
  if (!existsSync(bundleFile)) await exportBundle(copy, ws, bundleFile);
  console.log(`bundle ${bundleFile}: ${(statSync(bundleFile).size / MB).toFixed(0)} MB, ${claims} claims`);
  const copyDb = new pg.Client({ connectionString: urlOf(copy) });
  await copyDb.connect();
  try {
    const target = async (slug: string) => {
      const id = `bench-ws-${slug}`;
      await copyDb.query(`INSERT INTO "Workspace" (id, slug, name) VALUES ($1, $2, $2)`, [id, slug]);
      await copyDb.query(`INSERT INTO "Membership" (id, "workspaceId", "userId", role) VALUES ($1, $2, $3, 'admin')`, [`${id}-m`, id, ws.admin.id]);
      return { id, slug };
    };
    const claimsIn = async (id: string) => Number((await copyDb.query(`SELECT count(*) AS n FROM "Claim" WHERE "workspaceId" = $1`, [id])).rows[0].n);
    for (const mode of modes.length ? modes : ["cli"]) {
      if (mode === "cli" || mode === "dry") {
        const t = await target(`import-${mode}-${Date.now()}`);
        const cwd = process.env.BENCH_IMPORT_CWD ? path.resolve(process.env.BENCH_IMPORT_CWD) : process.cwd();
        const args = [...(process.env.BENCH_IMPORT_NODE_ARGS ?? "").split(" ").filter(Boolean), "--import", "tsx", path.join(cwd, "scripts", "cli.ts"), "import-bundle", "--workspace", t.slug, bundleFile, ...(mode === "dry" ? ["--dry-run"] : [])];
        const l0 = load();
        const t0 = performance.now();
        const child = spawn(process.execPath, args, { cwd, env: { ...process.env, DATABASE_URL: urlOf(copy) }, stdio: ["ignore", "ignore", "inherit"] });
        let cpu = 0;
        const cpuTimer = setInterval(() => (cpu = Math.max(cpu, child.pid ? treeCpuMs(child.pid) : 0)), 50);
        const mem = sampler(() => child.pid);
        const [exit] = await once(child, "exit");
        clearInterval(cpuTimer);
        const m = mem.stop();
        if (exit !== 0) throw new Error(`${mode} exited ${exit}`);
        console.log(`${mode}: peak ${m.peakMb.toFixed(0)} MB RSS (process tree), ${((performance.now() - t0) / 1000).toFixed(1)} s, CPU ≥ ${(cpu / 1000).toFixed(1)} s, ${mode === "cli" ? `${await claimsIn(t.id)} claims written; ` : ""}load ${l0} → ${load()}`);
      } else if (mode === "api") {
        const srv = await startTestServer({ quiet: true, database: { url: urlOf(copy), drop: async () => undefined }, nodeArgs: [...serverTimeouts().nodeArgs, ...(process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean)] });
        try {
          const t = await target(`import-api-${Date.now()}`);
          const cookie = `next-auth.session-token=${await encode({ token: { sub: ws.admin.id, sid: ws.admin.sessionId }, secret: SECRET })}`;
          const before = treeRss(srv.pid) / MB;
          const kinds0 = treeRssByKind(srv.pid);
          const mem = sampler(() => srv.pid);
          const cpu0 = treeCpuMs(srv.pid);
          const l0 = load();
          const t0 = performance.now();
          // Where the RSS is at its highest (smaps, read each second): what an import holds at its peak, not after.
          let top = { mb: 0, at: 0, kinds: treeRssByKind(srv.pid) };
          const kindsTimer = setInterval(() => {
            const kinds = treeRssByKind(srv.pid);
            const mb = kinds.heapMb + kinds.anonMb + kinds.fileMb;
            if (mb > top.mb) top = { mb, at: (performance.now() - t0) / 1000, kinds };
          }, 1000);
          const status = await new Promise<number>((resolve, reject) => {
            const req = http.request(`${srv.baseUrl}/api/w/${t.slug}/import-bundle?dryRun=false`, { method: "POST", headers: { cookie, origin: srv.baseUrl, "content-type": "application/json", "transfer-encoding": "chunked" } });
            req.on("response", (res) => {
              res.resume();
              res.on("end", () => resolve(res.statusCode ?? 0));
            });
            req.on("error", reject);
            createReadStream(bundleFile).pipe(req);
          });
          const m = mem.stop();
          clearInterval(kindsTimer);
          const seconds = (performance.now() - t0) / 1000;
          const cpu = (treeCpuMs(srv.pid) - cpu0) / 1000;
          if (status !== 200) throw new Error(`API import: HTTP ${status}`);
          console.log(`api: at its highest smaps reading, ${top.at.toFixed(0)} s in: ${top.mb.toFixed(0)} MB (malloc heap ${top.kinds.heapMb.toFixed(0)}, other anonymous ${top.kinds.anonMb.toFixed(0)}, files ${top.kinds.fileMb.toFixed(0)})`);
          // Read as the pages bench reads its settled figure (30 s idle), and before and after that.
          const settled: string[] = [];
          for (const [wait, at] of [[15_000, 15], [15_000, 30], [30_000, 60]] as const) {
            await new Promise((r) => setTimeout(r, wait));
            const kinds = treeRssByKind(srv.pid);
            settled.push(`${(treeRss(srv.pid) / MB).toFixed(0)} MB ${at} s after (malloc heap ${kinds.heapMb.toFixed(0)}, other anonymous ${kinds.anonMb.toFixed(0)}, files ${kinds.fileMb.toFixed(0)})`);
          }
          // BENCH_HOLD_SECONDS: the server kept as it is for that long, to be looked at from outside (gdb, /proc).
          if (process.env.BENCH_HOLD_SECONDS) {
            console.log(`holding the server (pid ${srv.pid}) for ${process.env.BENCH_HOLD_SECONDS} s`);
            await new Promise((r) => setTimeout(r, Number(process.env.BENCH_HOLD_SECONDS) * 1000));
          }
          if (process.env.BENCH_HEAP_SNAPSHOT) {
            // The server started with --heapsnapshot-signal=SIGUSR2 (BENCH_SERVER_NODE_ARGS) writes a snapshot into its folder.
            process.kill(srv.pid, "SIGUSR2");
            await new Promise((r) => setTimeout(r, 20_000));
          }
          console.log(`api: server ${before.toFixed(0)} MB before (malloc heap ${kinds0.heapMb.toFixed(0)}, other anonymous ${kinds0.anonMb.toFixed(0)}, files ${kinds0.fileMb.toFixed(0)}), peak ${m.peakMb.toFixed(0)} MB, ${settled.join(", ")}; ${seconds.toFixed(1)} s, server CPU ${cpu.toFixed(1)} s, ${await claimsIn(t.id)} claims written; load ${l0} → ${load()}`);
        } finally {
          await srv.stop();
        }
      } else throw new Error(`unknown mode ${mode}`);
    }
  } finally {
    await copyDb.end();
    await admin.query(`DROP DATABASE IF EXISTS "${copy}" WITH (FORCE)`);
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
