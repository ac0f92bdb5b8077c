/**
 * Server memory after a mixed workload (issue 11; black-box F11, F14): npm run bench -- --only memory
 *
 * One production server (`next start` as `npm start` runs it, allocator settings included) on a copy of a
 * workspace of 100,000 claims (bench/lib/dataset.ts), then the black-box tester's mixed workload on that one
 * server (bench/lib/mixed-workload.ts): every claims-list page and filter, the dashboard and claim pages, the five
 * exports at once, an import of the approved claims' bundle through the API; then 60 s idle. The other benches
 * each judge memory after their own workload on a server of their own; this one judges it after all of them
 * on one. Target (issue 11): the server's resident memory (its process tree, /proc) back under 300 MB, read
 * after 60 s idle. Judged at 100k and above only (BENCH_MEMORY_CLAIMS sets another size, recorded as info).
 *
 * BENCH_MEMORY_TEMPLATE=<database name> generates the workspace once into that template database (or finds it
 * there, e.g. ct_pages_100k from bench/generate-template.ts) and runs on a copy of it.
 */
import os from "node:os";
import { startTestServer } from "../scripts/lib/test-server";
import { datasetDatabase } from "./lib/dataset-template";
import { IDLE_SECONDS, mixedWorkload } from "./lib/mixed-workload";
import { recordInfo, recordTargetAtScale } from "./lib/report";

const SERVER = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const CLAIMS = Number(process.env.BENCH_MEMORY_CLAIMS ?? 100_000);
const SCALE = CLAIMS >= 1_000_000 ? `${CLAIMS / 1_000_000}M claims` : `${CLAIMS / 1000}k claims`;
const TEMPLATE = process.env.BENCH_MEMORY_TEMPLATE;

async function main() {
  if (TEMPLATE && !/^[a-z0-9_]+$/.test(TEMPLATE)) throw new Error("BENCH_MEMORY_TEMPLATE: a database name of a-z, 0-9 and _");
  // The exports and the import each answer within the API's rate limit only if it is out of the way.
  process.env.API_RATE_LIMIT = "1000000";
  const { database, ws } = await datasetDatabase(SERVER, { claims: CLAIMS, seed: 11, template: TEMPLATE, log: (l) => console.log(`  ${l}`) });
  const app = await startTestServer({ quiet: true, database });
  try {
    const m = await mixedWorkload(app, ws, database.url);
    const area = "server memory";
    const note = `load ${os.loadavg()[0].toFixed(1)}`;
    recordInfo({ area, measure: "mixed workload: RSS when ready (one page served)", scale: SCALE, value: m.beforeMb, unit: "MB" });
    recordInfo({ area, measure: "mixed workload: RSS after 14 pages × 20 requests", scale: SCALE, value: m.afterPagesMb, unit: "MB" });
    recordInfo({ area, measure: `mixed workload: RSS after the five exports at once (${(m.exportBytes.reduce((a, b) => a + b, 0) / 2 ** 20).toFixed(0)} MB)`, scale: SCALE, value: m.afterExportsMb, unit: "MB" });
    recordInfo({ area, measure: "mixed workload: peak RSS (pages, exports, import)", scale: SCALE, value: m.peakMb, unit: "MB", note: `import of the approved claims' bundle ${m.importSeconds.toFixed(0)} s` });
    recordTargetAtScale(
      CLAIMS,
      { area, measure: `RSS after the mixed workload (one server), ${IDLE_SECONDS} s idle`, scale: SCALE, value: m.idleMb[IDLE_SECONDS - 1], unit: "MB", note: `${note}; 15 s: ${m.idleMb[14].toFixed(0)} MB, 30 s: ${m.idleMb[29].toFixed(0)} MB` },
      { atMost: 300 },
    );
  } finally {
    await app.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
