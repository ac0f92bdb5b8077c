import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";

/**
 * How fast this machine runs a fixed piece of JavaScript, in ms (median of 5; lower is faster).
 *
 * Sessions run on fresh machines with the same CPU name but not the same speed: on 2026-12-02 the
 * same code's claims-list cases measured 50–89 ms p95 on one and 73–137 ms on the next, both quiet
 * (bench/results/pages-100k-2026-12-02-session24.md). The load average can't tell those apart; this
 * figure, printed beside every table, can. The work is what a page request does most: build
 * objects, serialise and parse JSON, match regular expressions, hash bytes.
 */
export function cpuCalibrationMs(): number {
  const rows = Array.from({ length: 50_000 }, (_, i) => ({ id: `claim-${i}`, statement: `Statement number ${i} about the ferry and ${i % 97} passengers`, tags: ["a", "b", String(i % 13)] }));
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    const json = JSON.stringify(rows);
    const parsed = JSON.parse(json) as typeof rows;
    let matches = 0;
    for (const row of parsed) if (/ferry and (\d+) passengers/.test(row.statement)) matches++;
    const digest = createHash("sha256").update(json).digest("hex");
    times.push(performance.now() - start);
    if (matches !== rows.length || digest.length !== 64) throw new Error("calibration: unexpected result");
  }
  return times.sort((a, b) => a - b)[2];
}
