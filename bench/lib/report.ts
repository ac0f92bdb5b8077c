/**
 * One results table for every benchmark. Each bench script (bench/*.bench.ts)
 * is a separate process started by bench/run.ts; it calls `record()` for each
 * figure it measures, and run.ts prints them all as one table at the end:
 * measure, scale, result, target, MET / NOT MET.
 *
 * Rules (issue 11): a figure is recorded at the scale it was measured at, and a
 * target stated for a scale is judged only by a figure measured at that scale;
 * a figure without a target has `met: null` and is shown as "info".
 */
import { appendFileSync } from "node:fs";

export type Result = {
  /** What part of the product, e.g. "claims list", "suggestions", "export csv". */
  area: string;
  /** What was measured, e.g. "p95 over HTTP, first page". */
  measure: string;
  /** The data size it was measured at, e.g. "100k claims" (always say it). */
  scale: string;
  value: number;
  unit: string;
  /** The target in words, e.g. "≤ 100 ms"; "" when there is none. */
  target: string;
  /** true / false against the target; null when there is no target (informational). */
  met: boolean | null;
  note?: string;
};

/** Where results go: bench/run.ts sets BENCH_RESULTS; a bench run alone just prints. */
export function record(result: Result): void {
  const file = process.env.BENCH_RESULTS;
  const line = `${result.area} · ${result.measure} @ ${result.scale}: ${formatValue(result.value, result.unit)}${result.target ? ` (target ${result.target}: ${verdictText(result.met)})` : ""}`;
  // The note too (e.g. the server's CPU per request beside a latency): the table at the end leaves it out.
  console.log(`  ${line}${result.note ? ` — ${result.note}` : ""}`);
  if (file) appendFileSync(file, JSON.stringify(result) + "\n");
}

/** Records at most/at least comparisons without repeating the verdict logic in every bench. */
export function recordAtMost(r: Omit<Result, "met" | "target">, limit: number): void {
  record({ ...r, target: `≤ ${formatValue(limit, r.unit)}`, met: r.value <= limit });
}
export function recordAtLeast(r: Omit<Result, "met" | "target">, limit: number): void {
  record({ ...r, target: `≥ ${formatValue(limit, r.unit)}`, met: r.value >= limit });
}
export function recordInfo(r: Omit<Result, "met" | "target">): void {
  record({ ...r, target: "", met: null });
}

/** Issue 11 states its targets at 100,000 claims. */
export const TARGET_CLAIMS = 100_000;

/**
 * A target stated at TARGET_CLAIMS, judged only by a figure measured at that scale or above; a
 * smaller run records the figure as information, saying which target it is not judged against
 * (black-box finding F12: at BENCH_EXPORT_CLAIMS=1000 the export bench printed MET for 100k targets).
 */
export function recordTargetAtScale(claims: number, r: Omit<Result, "met" | "target">, target: { atLeast: number } | { atMost: number }): void {
  if (claims >= TARGET_CLAIMS) {
    if ("atLeast" in target) recordAtLeast(r, target.atLeast);
    else recordAtMost(r, target.atMost);
    return;
  }
  const words = "atLeast" in target ? `≥ ${formatValue(target.atLeast, r.unit)}` : `≤ ${formatValue(target.atMost, r.unit)}`;
  const why = `target ${words} is stated at ${TARGET_CLAIMS.toLocaleString("en")} claims: not judged at this scale`;
  recordInfo({ ...r, note: r.note ? `${r.note}; ${why}` : why });
}

export function verdictText(met: boolean | null): string {
  return met === null ? "info" : met ? "MET" : "NOT MET";
}

export function formatValue(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const n = value.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return unit ? `${n} ${unit}` : n;
}

/** Nearest-rank percentile (p in 0..100) of a non-empty sample. */
export function percentile(sample: number[], p: number): number {
  if (sample.length === 0) throw new Error("percentile of an empty sample");
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}
