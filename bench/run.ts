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
 * (a bench that crashed measured nothing, so its targets count as missed).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cpuCalibrationMs } from "./lib/calibration";
import { formatValue, verdictText, type Result } from "./lib/report";

const args = process.argv.slice(2);
const check = args.includes("--check");
const onlyArg = args.find((a) => a.startsWith("--only"));
const only = onlyArg ? (onlyArg.includes("=") ? onlyArg.split("=")[1] : args[args.indexOf(onlyArg) + 1] ?? "").split(",").filter(Boolean) : [];

const benchDir = path.dirname(new URL(import.meta.url).pathname);
const scripts = readdirSync(benchDir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

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

if (check && (missed.length > 0 || failed.length > 0)) {
  console.error(`bench --check: ${missed.length} target(s) NOT MET${failed.length ? `, ${failed.length} bench script(s) failed` : ""}`);
  process.exit(1);
}
