import { invalid, said } from "@/lib/errors";
import { runEvalWorker } from "./eval-worker";

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

export async function markdownToHtmlOffThread(markdown: string, label: string, timeLimitMs = MARKDOWN_TIME_LIMIT_MS): Promise<string> {
  const tooComplex = (why: string) => invalid(`${label}: the Markdown is too complex to convert (${why}).`, { content: said("file_markdown_complex", `Too complex to convert (${why}).`) });
  const end = await runEvalWorker(WORKER_CODE, { markdown }, { timeMs: timeLimitMs, memoryMb: MEMORY_LIMIT_MB });
  switch (end.kind) {
    case "message": {
      const message = end.message as string | { error: string };
      if (typeof message === "string") return message;
      throw /RangeError/.test(message.error) ? tooComplex("nested too deeply") : new Error(`Markdown worker failed: ${message.error}`);
    }
    case "timeout":
      throw tooComplex(`it took over ${Math.round(timeLimitMs / 1000)} s`);
    case "out-of-memory":
      throw tooComplex("it needs too much memory");
    case "error":
      throw end.error instanceof RangeError ? tooComplex("nested too deeply") : end.error;
    case "exit":
      throw new Error(`Markdown worker exited (${end.code}) without a result.`);
  }
}
