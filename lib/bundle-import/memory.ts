import { getHeapStatistics } from "node:v8";
import { fullGc } from "@/lib/memory/gc";
import { mallocTrim } from "@/lib/memory/malloc-trim";

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
 */
export const GC_HEAP_GROWTH = 32 * 1024 * 1024;

let after = 0;

/** Collects if the heap grew `GC_HEAP_GROWTH` since the last collection asked for here (cheap to call often). */
export function collectGarbageIfGrown(): void {
  const used = getHeapStatistics().used_heap_size;
  if (used - after < GC_HEAP_GROWTH) return;
  const gc = fullGc();
  if (!gc) return;
  gc();
  after = getHeapStatistics().used_heap_size;
}

/**
 * Gives back what the check held for the articles' texts, once it is done with them: a full collection
 * frees their buffers, and `malloc_trim` hands glibc's pages back to the system (at 100k claims the texts
 * are 50 MB, in blocks below the mmap threshold that glibc would otherwise keep for the rest of the import
 * and after it: lib/memory/malloc-trim.ts). One full collection, once per import.
 */
export function releaseTexts(): void {
  fullGc()?.();
  after = getHeapStatistics().used_heap_size;
  mallocTrim()?.();
}
