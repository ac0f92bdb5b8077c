/**
 * npm run bench [-- --check] [-- --only name[,name]]
 *
 * Runs every bench script (bench/*.bench.ts) one after another, each in its own
 * process, collects what they record (bench/lib/report.ts) and ends with one
 * table: area, measure, scale, result, target, MET / NOT MET. The table is also
 * written to bench/results/latest.md (a partial run: latest-only-<names>.md)
 * with the date, machine and load, which is where the README's figures come from.
 *
 * --check exits non-zero when any target is NOT MET or any bench script failed
 * (a bench that crashed measured nothing, so its targets count as missed), or
 * when no target was measured at all. An unknown argument or an --only naming no
 * bench script stops before anything runs (exit 2); --help prints the usage.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cpuCalibrationMs } from "./lib/calibration";
import { formatValue, verdictText, type Result } from "./lib/report";

const USAGE = `npm run bench [-- --check] [-- --only name[,name]]

  --check         exit 1 when any target is NOT MET, a bench script failed, or nothing was measured
  --only a,b      run only the bench scripts whose names start with a or b (bench/<name>.bench.ts)
  --help          this text

Settings (environment) are described at the top of each bench/*.bench.ts.`;

const benchDir = path.dirname(new URL(import.meta.url).pathname);
const allScripts = readdirSync(benchDir)
  .filter((f) => f.endsWith(".bench.ts"))
  .sort();

/** Stops before anything runs: a mistyped command must not start hours of benchmarks, nor pass --check having measured nothing. */
function usageError(why: string): never {
  console.error(`bench: ${why}\n\n${USAGE}\n\nBench scripts: ${allScripts.map((f) => f.replace(/\.bench\.ts$/, "")).join(", ")}`);
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(`${USAGE}\n\nBench scripts: ${allScripts.map((f) => f.replace(/\.bench\.ts$/, "")).join(", ")}`);
  process.exit(0);
}
const check = args.includes("--check");
let only: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === "--check") continue;
  if (arg === "--only" || arg.startsWith("--only=")) {
    const value = arg === "--only" ? args[++i] : arg.slice("--only=".length);
    if (!value || value.startsWith("-")) usageError("--only needs the names of bench scripts");
    only = value.split(",").filter(Boolean);
    continue;
  }
  usageError(`unknown argument ${JSON.stringify(arg)}`);
}
const unmatched = only.filter((o) => !allScripts.some((f) => f.startsWith(o)));
if (unmatched.length) usageError(`no bench script is named ${unmatched.map((o) => JSON.stringify(o)).join(", ")}`);
const scripts = allScripts.filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)));

const resultsFile = path.join(mkdtempSync(path.join(os.tmpdir(), "claimtrail-bench-")), "results.jsonl");
const failed: string[] = [];
const startedAt = new Date();
const loadBefore = os.loadavg();
const calibrationBefore = cpuCalibrationMs();

for (const script of scripts) {
  console.log(`\n=== ${script}`);
  const run = spawnSync(process.execPath, ["--import", "tsx", path.join(benchDir, script)], {
    stdio: "inherit",
    env: { ...process.env, BENCH_RESULTS: resultsFile, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (run.status !== 0) failed.push(`${script} (exit ${run.status ?? run.signal})`);
}

const results: Result[] = existsSync(resultsFile)
  ? readFileSync(resultsFile, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Result)
  : [];

const rows = results.map((r) => [r.area, r.measure, r.scale, formatValue(r.value, r.unit), r.target || "—", verdictText(r.met)]);
const header = ["Area", "Measure", "Scale", "Result", "Target", "Verdict"];
const table = [header, header.map(() => "---"), ...rows].map((cells) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`).join("\n");
const missed = results.filter((r) => r.met === false);
const cpus = os.cpus();
const meta = [
  `Run ${startedAt.toISOString()} on ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
  `Load average (1/5/15 min) before: ${loadBefore.map((l) => l.toFixed(2)).join(" / ")}; after: ${os.loadavg().map((l) => l.toFixed(2)).join(" / ")}.`,
  `CPU calibration (bench/lib/calibration.ts, a fixed JavaScript workload; lower is faster, compare machines by it): ${calibrationBefore.toFixed(0)} ms before, ${cpuCalibrationMs().toFixed(0)} ms after.`,
  `${results.filter((r) => r.met === true).length} targets met, ${missed.length} NOT MET, ${results.filter((r) => r.met === null).length} informational figures.`,
  ...(failed.length ? [`Bench scripts that FAILED (their targets count as NOT MET): ${failed.join(", ")}.`] : []),
];
const report = `${meta.join("\n")}\n\n${table}\n`;
console.log(`\n${report}`);
mkdirSync(path.join(benchDir, "results"), { recursive: true });
// A partial run (--only) keeps its own file, so it never passes for the whole table.
const file = only.length === 0 ? "latest.md" : `latest-only-${only.join("-")}.md`;
writeFileSync(path.join(benchDir, "results", file), `# Benchmark results${only.length ? ` (only: ${only.join(", ")})` : ""}\n\n${report}`);

const judged = results.filter((r) => r.met !== null).length;
if (check && (missed.length > 0 || failed.length > 0 || judged === 0)) {
  console.error(
    judged === 0 && !missed.length && !failed.length
      ? "bench --check: no target was measured, so none can be met"
      : `bench --check: ${missed.length} target(s) NOT MET${failed.length ? `, ${failed.length} bench script(s) failed` : ""}`,
  );
  process.exit(1);
}
