/**
 * Server memory after a mixed workload (black-box F11, F14), side by side for several server settings:
 *
 *   npx tsx bench/mixed-memory.ts <template database> [label=ENV=value,ENV=value ...]
 *
 * For each setting (`default` is the server as `npm start` runs it, allocator settings included; an empty value,
 * as in `glibc=MALLOC_MMAP_THRESHOLD_=`, leaves one out): a copy of the template, the production
 * server on it, then the workload the black-box tester ran on one server — every claims-list page and filter,
 * the dashboard and claim pages (20 requests each), then the five exports at once over HTTP, then an import of the
 * approved claims' bundle (~19k claims) through the API — and its
 * process tree's resident memory read from /proc before, at its peak, and every second for 60 s idle.
 */
import { createReadStream, createWriteStream, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { migrate } from "../lib/db/migrate";
import { ensureBuild, startTestServer } from "../scripts/lib/test-server";
import { storedTemplate } from "./lib/dataset-template";
import { MB, sampler, treeRss } from "./lib/process-usage";

const server = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const urlOf = (name: string) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();
const load = () => os.loadavg()[0].toFixed(1);

const PAGES = [
  "claims", "claims?sort=created", "claims?sort=statement", "claims?reviewState=approved", "claims?verdict=false",
  "claims?claimant=q", "claims?claimant=xq", "claims?q=inflation", "claims?q=xq", "claims?hasSources=false", "dashboard", "", "export",
];
const FORMATS = ["csv", "jsonl", "claimreview", "w3c", "bundle"];

async function run(template: string, label: string, env: Record<string, string>) {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const { stored } = await storedTemplate(admin, template);
  if (!stored) throw new Error(`${template}: no generated dataset (bench/generate-template.ts)`);
  const { ws } = stored;
  const copy = `${template}_mix_${Date.now()}`;
  await admin.query(`CREATE DATABASE "${copy}" TEMPLATE "${template}"`);
  await migrate(urlOf(copy));
  const app = await startTestServer({ quiet: true, env, database: { url: urlOf(copy), drop: async () => void (await admin.query(`DROP DATABASE "${copy}" WITH (FORCE)`)) } });
  try {
    const token = await encode({ token: { sub: ws.admin.id, sid: ws.admin.sessionId, name: ws.admin.name, email: ws.admin.email }, secret: app.env.NEXTAUTH_SECRET! });
    const cookie = { cookie: `next-auth.session-token=${token}` };
    const bearer = { authorization: `Bearer ${ws.admin.apiToken}` };
    const get = async (path: string, headers: Record<string, string>) => {
      const res = await fetch(app.baseUrl + path, { headers });
      const bytes = (await res.arrayBuffer()).byteLength;
      if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
      return bytes;
    };
    await get(`/w/${ws.slug}/claims`, cookie);
    const base = treeRss(app.pid) / MB;
    const memory = sampler(() => app.pid, 100);
    for (const p of [...PAGES.map((x) => `/w/${ws.slug}/${x}`), `/w/${ws.slug}/claims/${ws.typicalClaimId}`, `/w/${ws.slug}/claims/${ws.hotClaimIds[0]}`]) {
      for (let i = 0; i < 20; i++) await get(p, cookie);
    }
    const afterPages = treeRss(app.pid) / MB;
    const sizes = await Promise.all(FORMATS.map((f) => get(`/api/v1/workspaces/${ws.slug}/export?format=${f}`, bearer)));
    const afterExports = treeRss(app.pid) / MB;
    // Then an import through the API, as the tester's was: the approved claims' bundle (~19k claims) into a new workspace.
    const bundle = path.join(os.tmpdir(), `mixed-${Date.now()}.claimtrail.json`);
    const res = await fetch(`${app.baseUrl}/api/v1/workspaces/${ws.slug}/export?format=bundle&reviewState=approved`, { headers: bearer });
    await pipeline(Readable.fromWeb(res.body as never), createWriteStream(bundle));
    const db = new pg.Client({ connectionString: urlOf(copy) });
    await db.connect();
    const target = { id: `mixed-${Date.now()}`, slug: `mixed-${Date.now()}` };
    await db.query(`INSERT INTO "Workspace" (id, slug, name) VALUES ($1, $2, $2)`, [target.id, target.slug]);
    await db.query(`INSERT INTO "Membership" (id, "workspaceId", "userId", role) VALUES ($1, $2, $3, 'admin')`, [`${target.id}-m`, target.id, ws.admin.id]);
    await db.end();
    const t0 = performance.now();
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${app.baseUrl}/api/w/${target.slug}/import-bundle?dryRun=false`, { method: "POST", headers: { ...cookie, origin: app.baseUrl, "content-type": "application/json", "transfer-encoding": "chunked" } });
      req.on("response", (r) => {
        r.resume();
        r.on("end", () => resolve(r.statusCode ?? 0));
      });
      req.on("error", reject);
      createReadStream(bundle).pipe(req);
    });
    rmSync(bundle, { force: true });
    if (status !== 200) throw new Error(`import: HTTP ${status}`);
    const importSeconds = (performance.now() - t0) / 1000;
    const peak = memory.stop().peakMb;
    const idle: number[] = [];
    for (let s = 1; s <= 60; s++) {
      await new Promise((r) => setTimeout(r, 1_000));
      idle.push(treeRss(app.pid) / MB);
    }
    console.log(
      `${label}: RSS before ${base.toFixed(0)} MB, after the pages ${afterPages.toFixed(0)}, after the exports (${sizes.map((b) => (b / MB).toFixed(0)).join("/")} MB at once) ${afterExports.toFixed(0)}, ` +
        `import of the approved claims ${importSeconds.toFixed(0)} s, peak ${peak.toFixed(0)}; ` +
        `idle 15 s ${idle[14].toFixed(0)}, 30 s ${idle[29].toFixed(0)}, 60 s ${idle[59].toFixed(0)} MB; load ${load()}`,
    );
  } finally {
    await app.stop();
    await admin.end();
  }
}

async function main() {
  const [template, ...settings] = process.argv.slice(2);
  if (!template) throw new Error("usage: mixed-memory.ts <template database> [label=ENV=value,ENV=value ...]");
  process.env.API_RATE_LIMIT = "1000000";
  ensureBuild();
  const runs = (settings.length ? settings : ["default"]).map((s) => {
    const [label, ...rest] = s.split("=");
    const pairs = rest.join("=").split(",").filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]);
    return { label, env: Object.fromEntries(pairs) };
  });
  for (const r of runs) await run(template, r.label, r.env);
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
