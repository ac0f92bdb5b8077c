import { Worker } from "node:worker_threads";

/** How a worker run ended: its first message, or why there was none. */
export type WorkerEnd =
  | { kind: "message"; message: unknown }
  | { kind: "timeout" }
  | { kind: "out-of-memory" }
  | { kind: "error"; error: Error }
  | { kind: "exit"; code: number };

/**
 * Runs inline worker code (eval: nothing for the bundler to rewrite, packages
 * resolved by name from the app's directory) with a time and a memory limit,
 * and settles once: on its first message, its failure, or the time limit —
 * then the worker is ended. Markdown (markdown-worker.ts) and web pages
 * (page-worker.ts) are converted this way, off the event loop.
 */
export function runEvalWorker(code: string, workerData: unknown, limits: { timeMs: number; memoryMb: number }): Promise<WorkerEnd> {
  return new Promise((resolve) => {
    const worker = new Worker(code, { eval: true, workerData, resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, stackSizeMb: 4 } });
    let settled = false;
    const settle = (end: WorkerEnd) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(end);
    };
    const timer = setTimeout(() => settle({ kind: "timeout" }), limits.timeMs);
    worker.once("message", (message: unknown) => settle({ kind: "message", message }));
    worker.once("error", (error: Error & { code?: string }) => settle(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? { kind: "out-of-memory" } : { kind: "error", error }));
    worker.once("exit", (code) => settle({ kind: "exit", code }));
  });
}
