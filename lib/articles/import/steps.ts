import { setImmediate as nextTurn } from "node:timers/promises";

/**
 * Long conversions (HTML and Markdown of up to 5 MB) are written as
 * generators that `yield` at safe points: run them all at once where a caller
 * needs a plain value, or cooperatively, giving the event loop back every few
 * milliseconds so one big import doesn't stall every other request on the
 * instance.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end in one go. */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Longest stretch, in milliseconds, the steps run before other work gets a turn. */
export const SLICE_MS = 20;

/** Runs the steps, yielding to the event loop (setImmediate) whenever a slice of SLICE_MS has passed. */
export async function runCooperatively<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}
