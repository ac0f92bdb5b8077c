import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { performance } from "node:perf_hooks";
import { memoryReducingGc } from "./gc";
import { mallocTrim } from "./malloc-trim";

/**
 * A full garbage collection once the server has gone quiet after a burst of
 * work, so its resident memory comes back down instead of staying near the
 * burst's peak (issue 11: ≤ 300 MB after the workload).
 *
 * Under load V8 grows its heap; once the load stops it has no reason to
 * collect again, since nothing is being allocated, and old-generation pages
 * full of garbage, with the buffers outside the heap that only dead objects
 * held, stay resident for the server's whole life. One full collection
 * frees them.
 *
 * The collection is V8's memory-reducing one (lib/memory/gc.ts: it also compacts the old
 * generation and shrinks the young one, which a plain full collection leaves at their
 * burst size). Only when quiet, and only once per burst (with one follow-up): for `QUIET_CHECKS`
 * checks in a row (`CHECK_MS` apart) at most `QUIET_REQUESTS` HTTP requests started
 * (Node's own `http.server.request.start` diagnostics channel: open pages'
 * heartbeats and live streams don't count as busy) and the event loop was busy
 * under `QUIET_UTILISATION` of the time; and resident memory grew
 * `GROWTH_BYTES` since the last collection made here. If the quiet lasts twice
 * as long, one more: what the burst left to timers (the database pool closes
 * idle connections after 10 s, with their buffers) is garbage only by then; a
 * first collection after 7.5 s left 53 MB of a 10k-claim page workload's garbage
 * that a second one freed. A busy server never
 * collects here (V8 collects by itself under load) and an idle one collects
 * once (and the follow-up), not again until another burst. A request arriving during the
 * collection waits for it: a few hundred milliseconds on an idle machine (1.8 s on one
 * loaded with three other builds and benches).
 *
 * After each collection, glibc's `malloc_trim` (lib/memory/malloc-trim.ts): what the collection freed outside
 * V8's heap (buffers of the network, the database's rows) goes back to glibc, which keeps it, fragmented, in its
 * heaps. On the server after a 100k-claim bundle import through the API, it took RSS from 286 to 202 MB (glibc's
 * main heap 63 → 14 MB, the threads' arenas 36 MB less; bench/results/import-2026-12-04-session34.md).
 */
export const CHECK_MS = 2_000;
export const QUIET_CHECKS = 3;
export const QUIET_REQUESTS = 2;
export const QUIET_UTILISATION = 0.1;
export const GROWTH_BYTES = 32 * 1024 * 1024;

export interface IdleCollection {
  at: Date;
  ms: number;
  rssBefore: number;
  rssAfter: number;
}

export interface IdleCollector {
  stop(): void;
  /** The collections made so far, the latest last (at most the last ten). */
  collections(): IdleCollection[];
}

const REQUEST_START = "http.server.request.start";

export function startIdleCollection(opts: { checkMs?: number; growthBytes?: number; gc?: () => Promise<void> } = {}): IdleCollector {
  const gc = opts.gc ?? withMallocTrim(memoryReducingGc());
  const made: IdleCollection[] = [];
  if (!gc) return { stop() {}, collections: () => made };
  const growth = opts.growthBytes ?? GROWTH_BYTES;
  let requests = 0;
  const onRequest = () => {
    requests += 1;
  };
  subscribe(REQUEST_START, onRequest);
  let elu = performance.eventLoopUtilization();
  let quiet = 0;
  /** A first collection was made in this quiet spell: one more once it has lasted twice as long. */
  let followUpDue = false;
  let base = process.memoryUsage.rss();
  /** A collection is under way (V8 runs it as a task): the checks wait for it. */
  let collecting = false;
  /**
   * A collection just ended: V8 still finishes its work in tasks of the event loop after it reports
   * done (the loop measured busy for the whole check after it), which is not the server being busy.
   * The next check only starts measuring.
   */
  let collected = false;
  const timer = setInterval(() => {
    if (collecting) return;
    if (collected) {
      collected = false;
      elu = performance.eventLoopUtilization();
      requests = 0;
      return;
    }
    const now = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(now, elu).utilization;
    elu = now;
    quiet = requests <= QUIET_REQUESTS && busy < QUIET_UTILISATION ? quiet + 1 : 0;
    requests = 0;
    const rss = process.memoryUsage.rss();
    // Memory given back meanwhile (by V8 itself, or freed buffers) lowers the mark growth is counted from.
    if (rss < base) base = rss;
    const first = quiet >= QUIET_CHECKS && rss - base >= growth;
    const followUp = followUpDue && quiet >= 2 * QUIET_CHECKS;
    if (quiet === 0) followUpDue = false;
    if (!first && !followUp) return;
    followUpDue = first;
    const t0 = performance.now();
    collecting = true;
    void gc()
      .then(() => {
        const after = process.memoryUsage.rss();
        made.push({ at: new Date(), ms: performance.now() - t0, rssBefore: rss, rssAfter: after });
        if (made.length > 10) made.shift();
        base = after;
      })
      .catch((err: unknown) => console.error("idle collection:", err instanceof Error ? err.message : err))
      .finally(() => {
        collecting = false;
        collected = true;
      });
  }, opts.checkMs ?? CHECK_MS);
  // Never what keeps the process alive.
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      unsubscribe(REQUEST_START, onRequest);
    },
    collections: () => made,
  };
}

/** The collection, then glibc's trim where it can be had (the collection alone where not). */
function withMallocTrim(gc: (() => Promise<void>) | null): (() => Promise<void>) | null {
  const trim = mallocTrim();
  if (!gc || !trim) return gc;
  return async () => {
    await gc();
    trim();
  };
}
