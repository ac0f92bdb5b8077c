import { getHeapSpaceStatistics } from "node:v8";
import { describe, expect, it } from "vitest";
import { fullGc, memoryReducingGc } from "./gc";

/**
 * The memory-reducing collection gives back what a plain full collection keeps resident after a
 * burst (issue 11): the young generation at the size the burst grew it to.
 */
const MB = 1024 * 1024;
const newSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === "new_space")!.physical_space_size;

/** A burst of short-lived objects, as a busy server makes: V8 grows its young generation for it. */
function burst(): void {
  let held: string[][] = [];
  for (let i = 0; i < 400; i++) {
    held.push(Array.from({ length: 2048 }, (_, j) => `${i}:${j}:${"x".repeat(32)}`));
    if (held.length > 8) held = held.slice(1);
  }
}

describe("memoryReducingGc", () => {
  it("shrinks the young generation a plain full collection leaves at its burst size", async () => {
    burst();
    fullGc()!();
    const afterFull = newSpace();
    expect(afterFull).toBeGreaterThan(4 * MB);
    await memoryReducingGc()!();
    expect(newSpace()).toBeLessThan(afterFull / 2);
  });
});
