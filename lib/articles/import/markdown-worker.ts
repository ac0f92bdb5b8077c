import { Worker } from "node:worker_threads";
import { invalid } from "@/lib/errors";

/**
 * marked is synchronous and, on some inputs, slow: 20,000 list items took
 * ~3 s here, a 4 MB article ~6 s, and crafted nesting minutes or the whole
 * heap. Imports therefore run it in a worker thread, so the event loop keeps
 * serving other requests, with a time and a memory limit, so no Markdown file
 * can stall or crash the instance: past them the import is refused (400).
 *
 * The worker's code is inline (eval) and imports marked by name, resolved from
 * the app's directory: nothing for the bundler to rewrite.
 */
export const MARKDOWN_TIME_LIMIT_MS = 20_000;
const MEMORY_LIMIT_MB = 512;

const WORKER_CODE = `
const { parentPort, workerData } = require("node:worker_threads");
import("marked").then(({ Marked }) => {
  const html = new Marked({ gfm: true, async: false }).parse(workerData.markdown, { async: false });
  parentPort.postMessage(html);
}).catch((err) => parentPort.postMessage({ error: String(err && err.name) + ": " + String(err && err.message) }));
`;

export function markdownToHtmlOffThread(markdown: string, label: string, timeLimitMs = MARKDOWN_TIME_LIMIT_MS): Promise<string> {
  const tooComplex = (why: string) => invalid(`${label}: the Markdown is too complex to convert (${why}).`, { content: `Too complex to convert (${why}).` });
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_CODE, { eval: true, workerData: { markdown }, resourceLimits: { maxOldGenerationSizeMb: MEMORY_LIMIT_MB, stackSizeMb: 4 } });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => settle(() => reject(tooComplex(`it took over ${Math.round(timeLimitMs / 1000)} s`))), timeLimitMs);
    worker.once("message", (message: string | { error: string }) => {
      if (typeof message === "string") return settle(() => resolve(message));
      settle(() => reject(/RangeError/.test(message.error) ? tooComplex("nested too deeply") : new Error(`Markdown worker failed: ${message.error}`)));
    });
    worker.once("error", (err: Error & { code?: string }) =>
      settle(() => reject(err.code === "ERR_WORKER_OUT_OF_MEMORY" ? tooComplex("it needs too much memory") : err instanceof RangeError ? tooComplex("nested too deeply") : err)),
    );
    worker.once("exit", (code) => settle(() => reject(new Error(`Markdown worker exited (${code}) without a result.`))));
  });
}
