import { Session } from "node:inspector";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | null | undefined;

/**
 * V8's full garbage collection as a function, or null where it can't be had.
 *
 * `gc` is exposed at run time with the documented `--expose-gc` flag: a flag
 * set after start-up applies to contexts made afterwards, so a new vm context
 * has it (the process's own global doesn't). Setting the flag for the process
 * is impossible from here once it runs (NODE_OPTIONS is read at start), and
 * the server is started by `next start` or scripts/start.mjs alike. Made once.
 */
export function fullGc(): (() => void) | null {
  if (gc === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      gc = runInNewContext("gc") as () => void;
    } catch {
      gc = null;
    }
  }
  return gc;
}

/**
 * The collection V8 makes when told memory is low (`LowMemoryNotification`), for a process gone
 * idle; null where neither it nor `fullGc` can be had.
 *
 * `fullGc` frees the dead objects but gives back little of the memory they held: old-generation
 * pages that kept a few live objects stay resident, as does the young generation at the size the
 * load grew it to (32 MB). This one also compacts those pages and shrinks the young generation: on
 * the production server after the 100k pages workload it took RSS from 355 to 300 MB where `fullGc`
 * had already run (old space 135 → 84 MB for 80 MB live; bench/results/rss-2026-12-02-rss.md). It is
 * several full collections in a row, so it pauses for longer: only for an idle server.
 *
 * Node exposes it through its inspector protocol (`HeapProfiler.collectGarbage`), reachable in the
 * process itself with no port opened; V8 runs it as a task, so it resolves once done. Where Node
 * was built without the inspector, `fullGc` stands in.
 */
export function memoryReducingGc(): (() => Promise<void>) | null {
  try {
    new Session().disconnect();
  } catch {
    const full = fullGc();
    return full && (async () => full());
  }
  return () =>
    new Promise((resolve, reject) => {
      const session = new Session();
      session.connect();
      session.post("HeapProfiler.collectGarbage", (err) => {
        // Disconnecting inside the protocol's own callback hangs the session: once the callback has returned,
        // and resolved only then, so that what it costs counts as the collection's (lib/memory/idle-collect.ts).
        setImmediate(() => {
          session.disconnect();
          if (err) reject(err);
          else resolve();
        });
      });
    });
}
