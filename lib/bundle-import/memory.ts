import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * Garbage collection while a bundle is read.
 *
 * Reading a bundle makes garbage fast (each entity parsed, checked, turned
 * into a statement's parameters, which Prisma copies again), and much of it
 * lives just long enough to reach V8's old generation, which V8 then lets
 * grow rather than collect: importing a 100k-claim bundle held 0.6–2 GB
 * resident while well under 200 MB of it was live. A full collection once
 * the heap has grown `GC_HEAP_GROWTH` bytes past what the last one left
 * keeps what is held near what is live, for a pause of some tens of
 * milliseconds each time.
 *
 * `gc` is exposed for this process once (the documented `--expose-gc`
 * flag, set at run time); without it, or if that fails, nothing is done.
 */
export const GC_HEAP_GROWTH = 32 * 1024 * 1024;

let gc: (() => void) | null | undefined;
let after = 0;

/** Collects if the heap grew `GC_HEAP_GROWTH` since the last collection asked for here (cheap to call often). */
export function collectGarbageIfGrown(): void {
  const used = getHeapStatistics().used_heap_size;
  if (used - after < GC_HEAP_GROWTH) return;
  if (gc === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      gc = runInNewContext("gc") as () => void;
    } catch {
      gc = null;
    }
  }
  if (!gc) return;
  gc();
  after = getHeapStatistics().used_heap_size;
}
