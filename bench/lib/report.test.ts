import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { recordTargetAtScale, type Result } from "./report";

let file: string;
beforeEach(() => {
  file = path.join(mkdtempSync(path.join(os.tmpdir(), "ct-report-")), "results.jsonl");
  vi.stubEnv("BENCH_RESULTS", file);
  vi.spyOn(console, "log").mockImplementation(() => {});
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});
const recorded = () => readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Result);

describe("recordTargetAtScale", () => {
  it("judges a 100k target at 100k and above, and only informs below (black-box finding F12)", () => {
    const figure = { area: "export csv", measure: "throughput over HTTP", value: 25, unit: "MB/s" };
    recordTargetAtScale(1_000, { ...figure, scale: "1k claims" }, { atLeast: 20 });
    recordTargetAtScale(10_000, { ...figure, scale: "10k claims", value: 5 }, { atLeast: 20 });
    recordTargetAtScale(100_000, { ...figure, scale: "100k claims" }, { atLeast: 20 });
    recordTargetAtScale(100_000, { ...figure, scale: "100k claims", value: 13.8 }, { atLeast: 20 });
    recordTargetAtScale(1_000_000, { ...figure, scale: "1M claims", unit: "MB", value: 320 }, { atMost: 300 });
    const [small, smallMissed, met, missed, big] = recorded();
    expect([small.met, smallMissed.met, met.met, missed.met, big.met]).toEqual([null, null, true, false, false]);
    expect(small.target).toBe("");
    expect(small.note).toMatch(/target ≥ 20 MB\/s is stated at 100,000 claims: not judged at this scale/);
    expect(met.target).toBe("≥ 20 MB/s");
  });
});
