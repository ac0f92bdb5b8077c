import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { QUIET_CHECKS, startIdleCollection, type IdleCollector } from "./idle-collect";

/**
 * The idle collection with V8's real full collection, in this process: garbage
 * left by a burst is collected once the process is quiet, never while HTTP
 * requests keep coming, and only once per burst (with one follow-up).
 */
const CHECK_MS = 100;
const MB = 1024 * 1024;
let collector: IdleCollector | null = null;
afterEach(() => collector?.stop());

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A burst's garbage: about `mb` MB of short strings, reachable until the returned function drops them. */
function garbage(mb: number): () => void {
  let held: string[][] | null = [];
  for (let i = 0; i < mb; i++) held.push(Array.from({ length: 8192 }, (_, j) => `${i}:${j}:${"x".repeat(64)}`));
  return () => {
    held = null;
  };
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await wait(CHECK_MS / 2);
  }
  return check();
}

describe("idle collection", () => {
  it("collects a burst's garbage once the process is quiet, and once more if the quiet lasts, then no more", async () => {
    collector = startIdleCollection({ checkMs: CHECK_MS, growthBytes: 16 * MB });
    const drop = garbage(128);
    drop();
    const heapBefore = process.memoryUsage().heapUsed;
    expect(await until(() => collector!.collections().length > 0, 20 * CHECK_MS * QUIET_CHECKS)).toBe(true);
    const [made] = collector.collections();
    expect(made.rssBefore).toBeGreaterThan(0);
    expect(process.memoryUsage().heapUsed).toBeLessThan(heapBefore - 32 * MB);
    // The follow-up once the quiet has lasted twice as long (waited for, not timed: on a loaded machine the
    // interval's ticks come late); then, quiet and nothing new, no more over as many checks again.
    expect(await until(() => collector!.collections().length >= 2, 20 * CHECK_MS * QUIET_CHECKS)).toBe(true);
    await wait(CHECK_MS * QUIET_CHECKS * 4);
    expect(collector.collections()).toHaveLength(2);
  });

  it("does not collect while HTTP requests keep coming, and does once they stop", async () => {
    const server = http.createServer((_req, res) => res.end("ok"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      collector = startIdleCollection({ checkMs: CHECK_MS, growthBytes: 16 * MB });
      const drop = garbage(128);
      drop();
      // Busy: several requests in every check, for many checks.
      const busyUntil = Date.now() + CHECK_MS * QUIET_CHECKS * 6;
      while (Date.now() < busyUntil) {
        await Promise.all(Array.from({ length: 4 }, () => fetch(url).then((r) => r.text())));
        await wait(CHECK_MS / 5);
      }
      expect(collector.collections()).toHaveLength(0);
      expect(await until(() => collector!.collections().length > 0, 20 * CHECK_MS * QUIET_CHECKS)).toBe(true);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
