/**
 * Export and bundle import benchmark (issue 11): npm run bench -- --only export
 *
 * A workspace of 100,000 claims (bench/lib/dataset.ts: 2,000 articles, 200,000
 * highlights, sources, relations, events, comments) in a throwaway database on
 * DATABASE_URL's server, and the production app (`next start`, built if needed)
 * serving it. Then, in the same run:
 *
 * 1. every export format downloaded over HTTP (the v1 API with the dataset's
 *    token), counting bytes, while the server process's resident memory
 *    (VmRSS of it and its children, /proc) is sampled every 50 ms;
 * 2. PostgreSQL's own `COPY (SELECT …) TO STDOUT` of the same records: the
 *    rows each format's records are made of, with their stored columns (a
 *    JSON Lines or CSV record is a claim with its mentions, their articles,
 *    and its sources; a ClaimReview adds relations and merged claims; a W3C
 *    record is a mention with its claim, article and creator, beside the
 *    articles' texts its selectors are computed from; the bundle every
 *    entity, its people included), one COPY per table read, timed together;
 *    rows/s counts the format's records, and the run fails unless the
 *    download holds as many (JSON Lines' lines, W3C's annotations, the
 *    bundle's items). The claims alone are also COPY'd for reference (info);
 * 3. the bundle, as downloaded, imported into a new workspace through the CLI
 *    (its process's peak memory and the time) and through the API as a
 *    streamed upload (the server's peak memory and the time);
 * 4. the server's memory after the workload, idle for a few seconds.
 *
 * Targets: every format ≥ 20 MB/s and ≥ 1/3 of COPY's rows/s; server memory
 * growth ≤ 150 MB during any export; a 100k bundle imported through the CLI
 * and the API with ≤ 500 MB resident; the server back under 300 MB after.
 * BENCH_EXPORT_CLAIMS sets another size (the figures then say so).
 * BENCH_EXPORT_TEMPLATE=<database name> generates the workspace once into that
 * database (kept, the dataset's handles in its comment) and starts every later
 * run from a copy of it (CREATE DATABASE … TEMPLATE), so repeated runs measure
 * the same data without generating it again. The copy is dropped after the run.
 * Downloads ask for the bytes as they are (`Accept-Encoding: identity`, as curl
 * and most API clients do): fetch would otherwise ask for gzip, and the app
 * server would spend a core compressing hundreds of MB while the bench spends
 * another inflating them. BENCH_EXPORT_GZIP=1 asks for gzip as a browser does
 * (the figures then say so).
 *
 * Each format is downloaded BENCH_EXPORT_RUNS times (3) after a warm-up, then
 * its records copied as many times; each side's median run is what the table
 * compares (one run's hiccup on a shared machine had moved a ratio by ±0.05).
 */
import { spawn } from "node:child_process";
import http from "node:http";
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { serverTimeouts } from "../scripts/lib/keep-alive";
import { startTestServer } from "../scripts/lib/test-server";
import { HISTORY_FEED_KINDS } from "../lib/claims/claim-changes";
import { type GeneratedWorkspace } from "./lib/dataset";
import { datasetDatabase } from "./lib/dataset-template";
import { backendCpuMs, CLIENT_BACKENDS_SQL, MB, sampler, treeCpuMs, treeRss } from "./lib/process-usage";
import { recordInfo, recordTargetAtScale } from "./lib/report";

const SERVER = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const CLAIMS = Number(process.env.BENCH_EXPORT_CLAIMS ?? 100_000);
const SCALE = CLAIMS >= 1000 ? `${CLAIMS / 1000}k claims` : `${CLAIMS} claims`;
const SECRET = "test-secret-not-for-production"; // what startTestServer gives the app
const GZIP = process.env.BENCH_EXPORT_GZIP === "1";

interface Run {
  bytes: number;
  rows: number;
  seconds: number;
  /** The database backend's CPU time (COPY runs only). */
  cpuMs?: number;
}

async function copyRun(url: string, sql: string): Promise<Run> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const pid = (await client.query("SELECT pg_backend_pid() AS pid")).rows[0].pid as number;
    const cpu0 = backendCpuMs(pid) ?? 0;
    const t0 = performance.now();
    let bytes = 0;
    let rows = 0;
    for await (const chunk of client.query(copyTo(`COPY (${sql}) TO STDOUT`)) as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows += 1;
    }
    return { bytes, rows, seconds: (performance.now() - t0) / 1000, cpuMs: (backendCpuMs(pid) ?? 0) - cpu0 };
  } finally {
    await client.end();
  }
}

/**
 * The COPYs of a format's baseline, one after another: bytes and seconds summed; rows are the
 * records of the first query (the format's records: claims, or mentions for W3C) when
 * `recordsFromFirst`, else every row (the bundle, whose records are all its entities).
 */
async function copyAll(url: string, sqls: string[], recordsFromFirst = true): Promise<Run> {
  const total = { bytes: 0, rows: 0, seconds: 0, cpuMs: 0 };
  for (const [i, sql] of sqls.entries()) {
    const r = await copyRun(url, sql);
    total.bytes += r.bytes;
    total.cpuMs += r.cpuMs ?? 0;
    if (!recordsFromFirst || i === 0) total.rows += r.rows;
    total.seconds += r.seconds;
  }
  return total;
}


/**
 * The CPU time the bench database's backends use while a download runs: every backend sampled
 * every 100 ms (a backend first seen meanwhile counts from 0: the export's own COPY connection),
 * each counted up to its last sample, so a backend that ends loses at most its last 100 ms (a lower bound).
 * Unlike wall time it hardly depends on the machine's load.
 */
async function databaseCpu(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Client backends only: an autovacuum worker on the freshly copied database is no part of the export.
  const pids = async () =>
    ((await client.query(CLIENT_BACKENDS_SQL)).rows as { pid: number }[]).map((r) => r.pid);
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  for (const pid of await pids()) first.set(pid, backendCpuMs(pid) ?? 0);
  const sample = async () => {
    for (const pid of await pids()) {
      const ms = backendCpuMs(pid);
      if (ms !== null) last.set(pid, ms);
    }
  };
  let running = true;
  const loop = (async () => {
    while (running) {
      await sample();
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop(): Promise<number> {
      running = false;
      await loop;
      await sample();
      await client.end();
      let total = 0;
      for (const [pid, ms] of last) total += ms - (first.get(pid) ?? 0);
      return total;
    },
  };
}

const TEMPLATE = process.env.BENCH_EXPORT_TEMPLATE;

/** Downloads of each format (and COPYs of its records) measured; each side's median is reported. BENCH_EXPORT_RUNS sets another number. */
const RUNS = Math.max(1, Number(process.env.BENCH_EXPORT_RUNS ?? 3));

/** The run with the median time (the lower middle one of an even number). */
function median<T extends { seconds: number }>(runs: T[]): T {
  return [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor((runs.length - 1) / 2)];
}

const ALL_FORMATS = ["jsonl", "csv", "w3c", "claimreview", "bundle"] as const;
/** BENCH_EXPORT_FORMATS=w3c,bundle measures those formats only (a partial run; the bundle must be among them for the imports). */
const FORMATS_RUN = process.env.BENCH_EXPORT_FORMATS
  ? ALL_FORMATS.filter((f) => process.env.BENCH_EXPORT_FORMATS!.split(",").includes(f))
  : ALL_FORMATS;
// Refused before anything runs: the imports read the bundle this run exports.
if (!process.env.BENCH_EXPORT_SKIP_IMPORT && !FORMATS_RUN.includes("bundle")) throw new Error("BENCH_EXPORT_FORMATS without bundle: the imports need its bundle (set BENCH_EXPORT_SKIP_IMPORT=1)");

/** The dataset: generated into a fresh database, or (BENCH_EXPORT_TEMPLATE) copied from one generated once. */
async function dataset(): Promise<{ database: { url: string; drop(): Promise<void> }; ws: GeneratedWorkspace }> {
  if (TEMPLATE && !/^[a-z0-9_]+$/.test(TEMPLATE)) throw new Error("BENCH_EXPORT_TEMPLATE: a database name of a-z, 0-9 and _");
  return datasetDatabase(SERVER, { claims: CLAIMS, seed: 1, template: TEMPLATE, log: (l) => console.log(`  ${l}`) });
}

async function main() {
  const { database, ws } = await dataset();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "claimtrail-export-bench-"));
  let stop = async () => undefined as void;
  try {
    console.log(`  ${SCALE}: ${ws.articles} articles, ${ws.highlights} highlights, generated in ${ws.seconds.toFixed(0)} s`);
    const server = await startTestServer({ quiet: true, database: { url: database.url, drop: async () => undefined }, nodeArgs: serverTimeouts().nodeArgs });
    stop = server.stop;
    const auth = { authorization: `Bearer ${ws.admin.apiToken}`, "accept-encoding": GZIP ? "gzip" : "identity" };
    const live = `c."workspaceId" = '${ws.workspaceId}' AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL`;
    const claimCols = `c.id, c.statement, c.claimant, c."claimDate", c."reviewState", c.verdict, c."explanationText", c.tags, c."createdAt", c."updatedAt", c."approvedAt"`;
    const liveClaims = `SELECT ${claimCols} FROM "Claim" c WHERE ${live} ORDER BY c."createdAt", c.id`;
    const mention = `a."workspaceId" = '${ws.workspaceId}' AND a."deletedAt" IS NULL`;
    const approved = `${live} AND c."reviewState" = 'approved' AND c.verdict IS NOT NULL`;
    // The same records as each format holds, read with their stored columns: a claim's record in JSON Lines and CSV carries
    // its mentions (with their articles) and sources, a ClaimReview its mentions' articles, relations and merged claims; so the
    // baseline reads those rows too, ordered as the format orders them. (Claims alone are recorded beside it, for reference.)
    const mentionsOf = (claims: string) =>
      `SELECT a.id, a."claimId", a.exact, a.prefix, a.suffix, a.start, a."end", a.status, a."createdAt", ar.id, ar.title, ar.url, ar."publishedAt", ar.language, ar."pageStarts"
       FROM "Claim" c JOIN "Annotation" a ON a."claimId" = c.id AND ${mention} JOIN "Article" ar ON ar.id = a."articleId"
       WHERE ${claims} ORDER BY c."createdAt", c.id, a."createdAt", a.id`;
    const sourcesOf = (claims: string) => `SELECT s.* FROM "Claim" c JOIN "Source" s ON s."claimId" = c.id WHERE ${claims} ORDER BY c."createdAt", c.id, s."createdAt", s.id`;
    const relationsOf = (claims: string) =>
      `SELECT r.* FROM "Claim" c JOIN "ClaimRelation" r ON c.id IN (r."fromId", r."toId") WHERE ${claims} ORDER BY c."createdAt", c.id, r."createdAt", r.id`;
    const mergedInto = (claims: string) => `SELECT m.id, m."mergedIntoId" FROM "Claim" c JOIN "Claim" m ON m."mergedIntoId" = c.id WHERE ${claims} ORDER BY c."createdAt", c.id, m."createdAt", m.id`;
    const claimsWhere = (where: string) => `SELECT ${claimCols} FROM "Claim" c WHERE ${where} ORDER BY c."createdAt", c.id`;
    const copies: Record<string, string[]> = {
      jsonl: [liveClaims, mentionsOf(live), sourcesOf(live)],
      csv: [liveClaims, mentionsOf(live), sourcesOf(live)],
      claimreview: [claimsWhere(approved), mentionsOf(approved), relationsOf(approved), mergedInto(approved)],
      w3c: [
        `SELECT a.id, a."claimId", a."articleId", a.exact, a.prefix, a.suffix, a.start, a."end", a.status, a."createdAt", a."originalCreator", u.id, u.name,
           c.statement, c.claimant, c."reviewState", c.verdict, c.tags, ar.title, ar.url, ar."pageStarts"
         FROM "Claim" c JOIN "Annotation" a ON a."claimId" = c.id AND ${mention} JOIN "Article" ar ON ar.id = a."articleId" LEFT JOIN "User" u ON u.id = a."createdById"
         WHERE ${live} ORDER BY ar."createdAt", ar.id, a."createdAt", a.id`,
        // The articles' texts, which the export reads to write each mention's selectors.
        `SELECT ar.id, ar."createdAt", ar.text FROM "Article" ar WHERE ar."workspaceId" = '${ws.workspaceId}' ORDER BY ar."createdAt", ar.id`,
      ],
      bundle: [
        `SELECT * FROM "Article" ar WHERE ar."workspaceId" = '${ws.workspaceId}' ORDER BY ar."createdAt", ar.id`,
        `SELECT a.* FROM "Annotation" a JOIN "Article" ar ON ar.id = a."articleId" WHERE ${mention} AND (a."claimId" IS NULL OR EXISTS (SELECT 1 FROM "Claim" c WHERE c.id = a."claimId" AND ${live})) ORDER BY ar."createdAt", ar.id, a."createdAt", a.id`,
        `SELECT * FROM "Claim" c WHERE ${live} ORDER BY c."createdAt", c.id`,
        `SELECT s.* FROM "Claim" c JOIN "Source" s ON s."claimId" = c.id WHERE ${live} ORDER BY c."createdAt", c.id, s."createdAt", s.id`,
        `SELECT r.* FROM "Claim" c JOIN "ClaimRelation" r ON r."fromId" = c.id JOIN "Claim" t ON t.id = r."toId" AND t."deletedAt" IS NULL AND t."mergedIntoId" IS NULL WHERE ${live} ORDER BY c."createdAt", c.id, r."createdAt", r.id`,
        // The events the bundle holds: a claim's history (lib/claims/claim-changes.ts), with their actors.
        `SELECT e.*, eu.id FROM "Claim" c JOIN "Change" e ON e."claimId" = c.id AND e."workspaceId" = c."workspaceId" LEFT JOIN "User" eu ON eu.id = e."actorId"
         WHERE ${live} AND e.seq IS NOT NULL AND e.kind IN (${HISTORY_FEED_KINDS.map((k) => `'${k}'`).join(", ")}) ORDER BY c."createdAt", c.id, e.seq`,
        `SELECT k.* FROM "Claim" c JOIN "ClaimComment" k ON k."claimId" = c.id AND k."deletedAt" IS NULL WHERE ${live} ORDER BY c."createdAt", c.id, k."createdAt", k.id`,
        // Its people: everyone the sections name (creators, assignees, approvers, actors, authors).
        `SELECT u.id, u.name, u.email FROM "User" u WHERE u.id IN (
           SELECT ar."createdById" FROM "Article" ar WHERE ar."workspaceId" = '${ws.workspaceId}'
           UNION SELECT a."createdById" FROM "Annotation" a WHERE ${mention}
           UNION SELECT unnest(ARRAY[c."assigneeId", c."createdById", c."approvedById"]) FROM "Claim" c WHERE ${live}
           UNION SELECT s."createdById" FROM "Claim" c JOIN "Source" s ON s."claimId" = c.id WHERE ${live}
           UNION SELECT e."actorId" FROM "Claim" c JOIN "Change" e ON e."claimId" = c.id AND e."workspaceId" = c."workspaceId" WHERE ${live}
           UNION SELECT k."authorId" FROM "Claim" c JOIN "ClaimComment" k ON k."claimId" = c.id AND k."deletedAt" IS NULL WHERE ${live}
         ) ORDER BY u.id COLLATE "C"`,
      ],
    };
    const bundleFile = path.join(tmp, "bundle.json");

    for (const format of FORMATS_RUN) {
      await copyAll(database.url, copies[format], format !== "bundle"); // warm-up: the same pages in PostgreSQL's cache for both
      // Warm-up of the route itself (its code loaded, connections open), on a set with no claims: steady state is measured.
      await (await fetch(`${server.baseUrl}/api/v1/workspaces/${ws.slug}/export?format=${format}&claimant=no-such-claimant-anywhere`, { headers: auth })).arrayBuffer();
      /** One download of the export, timed: what arrived, its lines and records, and the server's RSS growth during it. */
      const download = async () => {
        // Each download's growth over the RSS just before it: sampled across all the runs, the peak had also held
        // the garbage of the runs before (264–314 MB for W3C over three, against 67–148 MB for one).
        const memory = sampler(() => server.pid);
        const t0 = performance.now();
        const res = await fetch(`${server.baseUrl}/api/v1/workspaces/${ws.slug}/export?format=${format}`, { headers: auth });
        if (res.status !== 200) throw new Error(`export ${format}: HTTP ${res.status} ${await res.text()}`);
        const file = format === "bundle" ? createWriteStream(bundleFile) : null;
        let bytes = 0;
        let lines = 0;
        // Records in the download, to check the COPY baseline holds as many: in W3C and the bundle every item is a line of
        // its own starting with "{" (the file's first line, the bundle's header, starts at no line end).
        let items = 0;
        let afterNewline = false;
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          bytes += chunk.byteLength;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) {
            lines += 1;
            if (i + 1 < chunk.byteLength && chunk[i + 1] === 123) items += 1;
          }
          if (afterNewline && chunk[0] === 123) items += 1;
          afterNewline = chunk[chunk.byteLength - 1] === 10;
          if (file && !file.write(chunk)) await new Promise<void>((r) => file.once("drain", () => r()));
        }
        const seconds = (performance.now() - t0) / 1000;
        const { growthMb } = memory.stop();
        if (file) await new Promise<void>((r) => file.end(() => r()));
        return { bytes, lines, items, seconds, growthMb, encoding: res.headers.get("content-encoding") };
      };
      // RUNS downloads, and RUNS COPYs of the same records after them: each side's median, so one run's hiccup on a
      // shared machine decides neither figure. CPU is per download (the total over the runs, divided).
      const dbCpu = await databaseCpu(database.url);
      const serverCpu0 = treeCpuMs(server.pid);
      const downloads: Awaited<ReturnType<typeof download>>[] = [];
      for (let run = 0; run < RUNS; run++) downloads.push(await download());
      // The largest of the downloads' growths is judged, not their median: the target is for any one export.
      const mem = { growthMb: Math.max(...downloads.map((d) => d.growthMb)) };
      const serverCpuMs = (treeCpuMs(server.pid) - serverCpu0) / RUNS;
      const dbCpuMs = (await dbCpu.stop()) / RUNS;
      const { bytes, lines, items, seconds, encoding } = median(downloads);
      if (downloads.some((d) => d.bytes !== bytes)) throw new Error(`export ${format}: the runs gave ${downloads.map((d) => d.bytes).join(", ")} bytes`);
      const copies_: Awaited<ReturnType<typeof copyAll>>[] = [];
      for (let run = 0; run < RUNS; run++) copies_.push(await copyAll(database.url, copies[format], format !== "bundle"));
      const copy = median(copies_);
      if (format === "jsonl" && lines !== copy.rows) throw new Error(`jsonl: ${lines} lines, COPY ${copy.rows} rows`);
      if ((format === "w3c" || format === "bundle") && items !== copy.rows) throw new Error(`${format}: ${items} records, COPY ${copy.rows} rows`);
      const spread = (runs: { seconds: number }[]) => runs.map((r) => r.seconds.toFixed(2)).join(", ");
      console.log(`  ${format}: ${RUNS} downloads in ${spread(downloads)} s; ${RUNS} COPYs in ${spread(copies_)} s (medians below)`);
      const ours: Run = { bytes, rows: copy.rows, seconds };
      if (encoding && !GZIP) throw new Error(`export ${format}: answered ${encoding} though asked for identity`);
      const area = GZIP ? `export ${format} (gzip asked for)` : `export ${format}`;
      const mbs = ours.bytes / MB / ours.seconds;
      console.log(
        `  ${format}: ${(ours.bytes / MB).toFixed(1)} MB, ${ours.rows.toLocaleString("en")} records in ${ours.seconds.toFixed(2)} s; COPY ${(copy.bytes / MB).toFixed(1)} MB in ${copy.seconds.toFixed(2)} s`,
      );
      recordTargetAtScale(CLAIMS, { area, measure: "throughput over HTTP", scale: SCALE, value: mbs, unit: "MB/s" }, { atLeast: 20 });
      recordInfo({ area, measure: "records/s over HTTP (ours)", scale: SCALE, value: ours.rows / ours.seconds, unit: "rows/s" });
      recordInfo({ area, measure: "records/s, COPY of the same records", scale: SCALE, value: copy.rows / copy.seconds, unit: "rows/s" });
      recordTargetAtScale(CLAIMS, { area, measure: "ours / COPY by rows/s", scale: SCALE, value: ours.rows / ours.seconds / (copy.rows / copy.seconds), unit: "×" }, { atLeast: 1 / 3 });
      if (copies[format].length > 1 && format !== "bundle") {
        const alone = await copyAll(database.url, copies[format].slice(0, 1));
        recordInfo({ area, measure: "ours / COPY of the record rows alone (no children), by rows/s", scale: SCALE, value: ours.rows / ours.seconds / (alone.rows / alone.seconds), unit: "×" });
      }
      recordTargetAtScale(CLAIMS, { area, measure: "server RSS growth while downloading (the largest of the runs)", scale: SCALE, value: mem.growthMb, unit: "MB", note: `each run: ${downloads.map((d) => d.growthMb.toFixed(0)).join(", ")} MB` }, { atMost: 150 });
      // CPU per export, beside the wall-clock figures above, which on a loaded machine mostly measure the load.
      recordInfo({ area, measure: "app server CPU for the export", scale: SCALE, value: serverCpuMs / 1000, unit: "s" });
      recordInfo({ area, measure: "database CPU for the export (backends sampled, lower bound)", scale: SCALE, value: dbCpuMs / 1000, unit: "s" });
      recordInfo({ area, measure: "database CPU, COPY of the same records", scale: SCALE, value: (copy.cpuMs ?? 0) / 1000, unit: "s" });
    }

    // Bundle import into new workspaces the dataset's admin owns.
    const admin = new pg.Client({ connectionString: database.url });
    // Closed under it (the database dropped after a failure): the failure itself is what gets reported.
    admin.on("error", (err) => console.error(`  admin connection: ${err.message}`));
    await admin.connect();
    const target = async (slug: string) => {
      const id = `bench-ws-${slug}`;
      await admin.query(`INSERT INTO "Workspace" (id, slug, name) VALUES ($1, $2, $2)`, [id, slug]);
      await admin.query(`INSERT INTO "Membership" (id, "workspaceId", "userId", role) VALUES ($1, $2, $3, 'admin')`, [`${id}-m`, id, ws.admin.id]);
      return id;
    };
    const claimsIn = async (workspaceId: string) => Number((await admin.query(`SELECT count(*) AS n FROM "Claim" WHERE "workspaceId" = $1`, [workspaceId])).rows[0].n);
    const expected = Number((await admin.query(`SELECT count(*) AS n FROM "Claim" c WHERE ${live}`)).rows[0].n);
    // CLI: its own process (and the tsx loader's children), peak memory sampled. BENCH_EXPORT_SKIP_CLI=1 leaves it out (a partial run).
    // BENCH_EXPORT_SKIP_IMPORT=1 leaves out both imports (a partial run: exports only).
    const skipImport = Boolean(process.env.BENCH_EXPORT_SKIP_IMPORT);
    // Read only when an import uses it: a partial run of other formats exported no bundle.
    const bundleMb = skipImport ? 0 : readFileSync(bundleFile).byteLength / MB;
    if (!process.env.BENCH_EXPORT_SKIP_CLI && !skipImport) {
    const cliTarget = await target(`import-cli-${Date.now()}`);
    const cliSlug = (await admin.query(`SELECT slug FROM "Workspace" WHERE id = $1`, [cliTarget])).rows[0].slug as string;
    const t1 = performance.now();
    const cli = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts", "cli.ts"), "import-bundle", "--workspace", cliSlug, bundleFile], {
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const cliMemory = sampler(() => cli.pid);
    const code = await new Promise<number | null>((r) => cli.once("exit", r));
    const cliMem = cliMemory.stop();
    const cliSeconds = (performance.now() - t1) / 1000;
    if (code !== 0) throw new Error(`CLI import exited ${code}`);
    if ((await claimsIn(cliTarget)) !== expected) throw new Error(`CLI import: ${await claimsIn(cliTarget)} claims, expected ${expected}`);
    console.log(`  bundle import (CLI): ${bundleMb.toFixed(0)} MB, ${expected.toLocaleString("en")} claims in ${cliSeconds.toFixed(1)} s, peak ${cliMem.peakMb.toFixed(0)} MB`);
    recordTargetAtScale(CLAIMS, { area: "bundle import (CLI)", measure: "peak RSS of the CLI process", scale: SCALE, value: cliMem.peakMb, unit: "MB" }, { atMost: 500 });
    recordInfo({ area: "bundle import (CLI)", measure: `time for a ${bundleMb.toFixed(0)} MB bundle`, scale: SCALE, value: cliSeconds, unit: "s" });
    }

    // API: a streamed upload with the admin's session cookie.
    if (!skipImport) {
    const apiTarget = await target(`import-api-${Date.now()}`);
    const apiSlug = (await admin.query(`SELECT slug FROM "Workspace" WHERE id = $1`, [apiTarget])).rows[0].slug as string;
    const cookie = `next-auth.session-token=${await encode({ token: { sub: ws.admin.id, sid: ws.admin.sessionId }, secret: SECRET })}`;
    const apiMemory = sampler(() => server.pid);
    const t2 = performance.now();
    // node:http, not fetch: fetch gives up waiting for the answer's headers after 300 s, and the server answers once the import is done.
    const upload = await new Promise<{ status: number; text: () => Promise<string> }>((resolve, reject) => {
      const req = http.request(`${server.baseUrl}/api/w/${apiSlug}/import-bundle?dryRun=false`, {
        method: "POST",
        headers: { cookie, origin: server.baseUrl, "content-type": "application/json", "transfer-encoding": "chunked" },
      });
      req.on("response", (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: async () => Buffer.concat(parts).toString("utf8") }));
        res.on("error", reject);
      });
      req.on("error", reject);
      createReadStream(bundleFile).pipe(req);
    });
    const answer = await upload.text();
    const apiMem = apiMemory.stop();
    const apiSeconds = (performance.now() - t2) / 1000;
    if (upload.status !== 200) throw new Error(`API import: HTTP ${upload.status} ${answer.slice(0, 500)}`);
    if ((await claimsIn(apiTarget)) !== expected) throw new Error(`API import: ${await claimsIn(apiTarget)} claims, expected ${expected}`);
    console.log(`  bundle import (API): ${expected.toLocaleString("en")} claims in ${apiSeconds.toFixed(1)} s, server peak ${apiMem.peakMb.toFixed(0)} MB`);
    recordTargetAtScale(CLAIMS, { area: "bundle import (API)", measure: "peak server RSS during a streamed upload", scale: SCALE, value: apiMem.peakMb, unit: "MB" }, { atMost: 500 });
    recordInfo({ area: "bundle import (API)", measure: `time for a ${bundleMb.toFixed(0)} MB bundle`, scale: SCALE, value: apiSeconds, unit: "s" });
    }
    await admin.end();

    // After the workload: idle, then what the server still holds.
    // Read at 30 s, as the pages bench reads its settled figure: the server's idle collections have run by then.
    await new Promise((r) => setTimeout(r, 30_000));
    const after = treeRss(server.pid) / MB;
    const workload = skipImport ? "export workload (imports left out)" : "export and import workload";
    recordTargetAtScale(CLAIMS, { area: "server memory", measure: `RSS after the ${workload}, 30 s idle`, scale: SCALE, value: after, unit: "MB" }, { atMost: 300 });
  } finally {
    await stop();
    rmSync(tmp, { recursive: true, force: true });
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
