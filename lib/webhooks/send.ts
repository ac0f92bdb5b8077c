import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { performance } from "node:perf_hooks";
import { checkedAddress, UrlImportError } from "@/lib/articles/import/fetch-url";

export const SEND_TIMEOUT_MS = 10_000;
/** We read at most this much of an answer (to time it fully), then drop it. */
const MAX_ANSWER_BYTES = 64 * 1024;

export interface SendResult {
  /** The HTTP status, or null when no answer came (refused, timed out, blocked address). */
  status: number | null;
  durationMs: number;
  error: string | null;
}

/**
 * POSTs one delivery. The host is resolved and checked with the URL import's
 * rules (lib/articles/import/fetch-url: private addresses refused unless on
 * the allow-list) and the socket goes to exactly the checked address.
 * Redirects are not followed: a 3xx is a failed attempt.
 */
export async function postDelivery(rawUrl: string, headers: Record<string, string>, body: string, allowHosts: string[], timeoutMs = SEND_TIMEOUT_MS): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(rawUrl);
  let target: { address: string; family: number };
  try {
    target = await checkedAddress(url, allowHosts, rawUrl);
  } catch (err) {
    return { status: null, durationMs: elapsed(), error: err instanceof UrlImportError ? err.message : "The address could not be resolved." };
  }
  const lookup: LookupFunction = (_host, opts, cb) => {
    if ((opts as { all?: boolean }).all) (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [target]);
    else cb(null, target.address, target.family);
  };
  const mod = url.protocol === "https:" ? https : http;
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const done = (r: SendResult) => {
      if (!settled) {
        settled = true;
        resolve(r);
      }
    };
    const req = mod.request(
      url,
      {
        method: "POST",
        lookup,
        agent: false,
        timeout: timeoutMs,
        headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "user-agent": "Claimtrail-Webhooks/1" },
      },
      (res) => {
        let read = 0;
        res.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) res.destroy();
        });
        const finish = () => done({ status: res.statusCode ?? null, durationMs: elapsed(), error: null });
        res.on("end", finish);
        res.on("close", finish);
        res.on("error", finish);
      },
    );
    req.on("timeout", () => {
      req.destroy();
      done({ status: null, durationMs: elapsed(), error: `No answer within ${Math.round(timeoutMs / 1000)} seconds.` });
    });
    req.on("error", (err: NodeJS.ErrnoException) => {
      done({ status: null, durationMs: elapsed(), error: err.code === "ECONNREFUSED" ? "The connection was refused." : `The connection failed (${err.code ?? err.message}).` });
    });
    req.end(body);
  });
}
