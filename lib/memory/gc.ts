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
