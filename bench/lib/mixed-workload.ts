/**
 * The mixed workload the black-box tester ran on one server (F11, F14), shared by bench/memory.bench.ts
 * (judged against the memory target) and bench/mixed-memory.ts (server settings side by side):
 * every claims-list page and filter, the dashboard and claim pages (20 requests each), then the five exports
 * at once over HTTP, then an import of the approved claims' bundle (~19k claims at 100k) through the API into
 * a new workspace; then the server idle for 60 s. The process tree's resident memory is read from /proc.
 */
import { createReadStream, createWriteStream, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { encode } from "next-auth/jwt";
import pg from "pg";
import type { TestServer } from "../../scripts/lib/test-server";
import type { GeneratedWorkspace } from "./dataset";
import { MB, sampler, treeRss } from "./process-usage";

const PAGES = [
  "claims", "claims?sort=created", "claims?sort=statement", "claims?reviewState=approved", "claims?verdict=false",
  "claims?claimant=q", "claims?claimant=xq", "claims?q=inflation", "claims?q=xq", "claims?hasSources=false", "dashboard", "", "export",
];
const FORMATS = ["csv", "jsonl", "claimreview", "w3c", "bundle"] as const;
export const IDLE_SECONDS = 60;

export type MixedWorkloadMemory = {
  beforeMb: number;
  afterPagesMb: number;
  afterExportsMb: number;
  /** Bytes of each export downloaded at once, in FORMATS order. */
  exportBytes: number[];
  importSeconds: number;
  peakMb: number;
  /** RSS after each second idle, IDLE_SECONDS of them. */
  idleMb: number[];
};

/** Runs the workload against `app`, serving `ws` from the database at `databaseUrl`. */
export async function mixedWorkload(app: TestServer, ws: GeneratedWorkspace, databaseUrl: string): Promise<MixedWorkloadMemory> {
  const token = await encode({ token: { sub: ws.admin.id, sid: ws.admin.sessionId, name: ws.admin.name, email: ws.admin.email }, secret: app.env.NEXTAUTH_SECRET! });
  const cookie = { cookie: `next-auth.session-token=${token}` };
  const bearer = { authorization: `Bearer ${ws.admin.apiToken}` };
  const get = async (p: string, headers: Record<string, string>) => {
    const res = await fetch(app.baseUrl + p, { headers });
    const bytes = (await res.arrayBuffer()).byteLength;
    if (res.status !== 200) throw new Error(`${p}: HTTP ${res.status}`);
    return bytes;
  };
  await get(`/w/${ws.slug}/claims`, cookie);
  const beforeMb = treeRss(app.pid) / MB;
  const memory = sampler(() => app.pid, 100);
  const bundle = path.join(os.tmpdir(), `mixed-${Date.now()}.claimtrail.json`);
  // Stopped on the way out whatever happens: a failed request must not leave the sampler reading /proc every 100 ms
  // while bench/mixed-memory.ts goes on to its next setting.
  try {
    for (const p of [...PAGES.map((x) => `/w/${ws.slug}/${x}`), `/w/${ws.slug}/claims/${ws.typicalClaimId}`, `/w/${ws.slug}/claims/${ws.hotClaimIds[0]}`]) {
      for (let i = 0; i < 20; i++) await get(p, cookie);
    }
    const afterPagesMb = treeRss(app.pid) / MB;
    const exportBytes = await Promise.all(FORMATS.map((f) => get(`/api/v1/workspaces/${ws.slug}/export?format=${f}`, bearer)));
    const afterExportsMb = treeRss(app.pid) / MB;

    const approved = `${app.baseUrl}/api/v1/workspaces/${ws.slug}/export?format=bundle&reviewState=approved`;
    const res = await fetch(approved, { headers: bearer }).catch(async (err: Error) => {
      // Once in a whole run (session 39) this request failed with "other side closed" before any answer: a kept-alive
      // connection closed as it was sent, the race RFC 9112 §9.3.1 has clients retry an idempotent request for. Retried
      // once on a new connection, and said, if the server is still running; a server gone is the failure it is.
      let alive = true;
      try {
        process.kill(app.pid, 0);
      } catch {
        alive = false;
      }
      const why = `${err.message} (${String((err.cause as Error | undefined)?.message ?? err.cause)})`;
      if (!alive) throw new Error(`approved bundle: ${why}; the server is gone`, { cause: err });
      console.log(`  approved bundle: ${why} on a kept-alive connection; the server is running; asked again on a new one`);
      return null;
    });
    if (res) await pipeline(Readable.fromWeb(res.body as never), createWriteStream(bundle));
    else {
      const again = await new Promise<http.IncomingMessage>((resolve, reject) => http.get(approved, { headers: bearer, agent: false }, resolve).on("error", reject));
      if (again.statusCode !== 200) throw new Error(`approved bundle, asked again: HTTP ${again.statusCode}`);
      await pipeline(again, createWriteStream(bundle));
    }
    // The new workspace is made in SQL: creating workspaces is not what is measured.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const stamp = Date.now();
    const target = { id: `mixed-${stamp}`, slug: `mixed-${stamp}` };
    await db.query(`INSERT INTO "Workspace" (id, slug, name) VALUES ($1, $2, $2)`, [target.id, target.slug]);
    await db.query(`INSERT INTO "Membership" (id, "workspaceId", "userId", role) VALUES ($1, $2, $3, 'admin')`, [`${target.id}-m`, target.id, ws.admin.id]);
    await db.end();
    const t0 = performance.now();
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${app.baseUrl}/api/w/${target.slug}/import-bundle?dryRun=false`, {
        method: "POST",
        headers: { ...cookie, origin: app.baseUrl, "content-type": "application/json", "transfer-encoding": "chunked" },
      });
      req.on("response", (r) => {
        r.resume();
        r.on("end", () => resolve(r.statusCode ?? 0));
      });
      req.on("error", reject);
      createReadStream(bundle).pipe(req);
    });
    if (status !== 200) throw new Error(`import: HTTP ${status}`);
    const importSeconds = (performance.now() - t0) / 1000;
    const peakMb = memory.stop().peakMb;
    const idleMb: number[] = [];
    for (let s = 1; s <= IDLE_SECONDS; s++) {
      await new Promise((r) => setTimeout(r, 1_000));
      idleMb.push(treeRss(app.pid) / MB);
    }
    return { beforeMb, afterPagesMb, afterExportsMb, exportBytes, importSeconds, peakMb, idleMb };
  } finally {
    memory.stop();
    rmSync(bundle, { force: true });
  }
}
