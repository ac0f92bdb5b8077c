import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fullGc } from "./gc";
import { mallocTrim } from "./malloc-trim";

const MB = 1024 * 1024;

/** Resident memory of glibc's main heap (the `[heap]` mapping of /proc/self/smaps), in bytes. */
function mainHeapRss(): number {
  const smaps = readFileSync("/proc/self/smaps", "utf8");
  const at = smaps.indexOf("[heap]");
  if (at < 0) return 0;
  return Number(/Rss:\s+(\d+) kB/.exec(smaps.slice(at))?.[1] ?? 0) * 1024;
}

const glibc = process.platform === "linux" && Boolean((process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header?.glibcVersionRuntime);

describe.runIf(glibc)("malloc_trim", () => {
  it("gives back the free memory in the middle of glibc's heap, which free() keeps while a block above it lives", () => {
    const trim = mallocTrim();
    expect(trim).toBeTypeOf("function");
    const gc = fullGc();
    expect(gc).toBeTypeOf("function");
    // 96 MB of 1 KB buffers (below the mmap threshold: from the main heap), one in 64 kept: the heap can't
    // shrink from its top, and the free blocks between the kept ones stay resident.
    let buffers: Buffer[] | null = Array.from({ length: 96 * 1024 }, () => Buffer.allocUnsafeSlow(1024).fill(1));
    const kept = buffers.filter((_, i) => i % 64 === 63);
    buffers = null;
    gc!();
    gc!();
    const before = mainHeapRss();
    expect(trim!()).toBe(true);
    const after = mainHeapRss();
    expect(kept).toHaveLength(1536);
    expect(before - after).toBeGreaterThan(48 * MB);
  });
});
