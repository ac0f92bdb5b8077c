/**
 * Generates a scale dataset's template database once, ahead of the benches that copy it
 * (bench/lib/dataset-template.ts), and prints each step's time and the claims per second:
 *
 *   npx tsx bench/generate-template.ts 1000000 ct_pages_1m [seed]
 *
 * The pages bench (BENCH_PAGES_TEMPLATE=ct_pages) names its templates <prefix>_10k, _100k, _1m and
 * generates with seed 11, the default here. A template that exists already is left as it is.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { templateDatabase } from "./lib/dataset-template";

async function main() {
  const [claimsArg, template, seedArg] = process.argv.slice(2);
  const claims = Number(claimsArg);
  if (!Number.isInteger(claims) || claims < 10 || !template) throw new Error("usage: generate-template.ts <claims> <template database> [seed]");
  const server = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  const load = () => os.loadavg().map((l) => l.toFixed(1)).join(" / ");
  console.log(`${new Date().toISOString()} generating ${claims.toLocaleString("en")} claims into ${template} (load ${load()})`);
  const t0 = performance.now();
  const { generated } = await templateDatabase(server, {
    claims,
    seed: Number(seedArg ?? 11),
    template,
    log: (line) => console.log(`${new Date().toISOString().slice(11, 19)} ${line} (load ${os.loadavg()[0].toFixed(1)})`),
  });
  const s = (performance.now() - t0) / 1000;
  if (!generated) console.log(`${template} exists already: left as it is`);
  else console.log(`${new Date().toISOString()} done: ${s.toFixed(0)} s, ${(claims / s).toFixed(0)} claims/s for the whole workspace (load ${load()})`);
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
