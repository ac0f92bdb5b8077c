/**
 * Server memory after a mixed workload (black-box F11, F14), side by side for several server settings:
 *
 *   npx tsx bench/mixed-memory.ts <template database> [label=ENV=value,ENV=value ...]
 *
 * For each setting (`default` is the server as `npm start` runs it): a copy of the template, the production
 * server on it, then the workload the black-box tester ran on one server — every claims-list page and filter,
 * the dashboard and claim pages (20 requests each), then the five exports at once over HTTP — and its
 * process tree's resident memory read from /proc before, at its peak, and every second for 60 s idle.
 */
import os from "node:os";
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
  "claims?claimant=q", "claims?claimant=xq", "claims?q=inflation", "claims?q=xq", "claims?hasSources=false", "dashboard", "articles",
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
    const peak = memory.stop().peakMb;
    const idle: number[] = [];
    for (let s = 1; s <= 60; s++) {
      await new Promise((r) => setTimeout(r, 1_000));
      idle.push(treeRss(app.pid) / MB);
    }
    console.log(
      `${label}: RSS before ${base.toFixed(0)} MB, after the pages ${afterPages.toFixed(0)}, peak ${peak.toFixed(0)} (exports of ${sizes.map((b) => (b / MB).toFixed(0)).join("/")} MB at once); ` +
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
