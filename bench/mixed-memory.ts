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
 * process tree's resident memory read from /proc before, at its peak, and every second for 60 s idle
 * (bench/lib/mixed-workload.ts; bench/memory.bench.ts judges the default setting against the target).
 */
import os from "node:os";
import pg from "pg";
import { migrate } from "../lib/db/migrate";
import { ensureBuild, startTestServer } from "../scripts/lib/test-server";
import { storedTemplate } from "./lib/dataset-template";
import { mixedWorkload } from "./lib/mixed-workload";

const server = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const urlOf = (name: string) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();
const load = () => os.loadavg()[0].toFixed(1);

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
    const m = await mixedWorkload(app, ws, urlOf(copy));
    console.log(
      `${label}: RSS before ${m.beforeMb.toFixed(0)} MB, after the pages ${m.afterPagesMb.toFixed(0)}, after the exports (${m.exportBytes.map((b) => (b / 2 ** 20).toFixed(0)).join("/")} MB at once) ${m.afterExportsMb.toFixed(0)}, ` +
        `import of the approved claims ${m.importSeconds.toFixed(0)} s, peak ${m.peakMb.toFixed(0)}; ` +
        `idle 15 s ${m.idleMb[14].toFixed(0)}, 30 s ${m.idleMb[29].toFixed(0)}, 60 s ${m.idleMb[59].toFixed(0)} MB; load ${load()}`,
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
