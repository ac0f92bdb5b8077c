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
    return { status: null, durationMs: elapsed(), error: refusalText(err, url) };
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

/**
 * Why no connection was tried, in a webhook's terms: the import's refusal names IMPORT_ALLOW_HOSTS,
 * but webhooks have their own allow-list per workspace, which an admin edits on the Webhooks tab.
 * Still retried like any failed attempt, so allowing the host there lets the queued deliveries through.
 */
function refusalText(err: unknown, url: URL): string {
  if (!(err instanceof UrlImportError)) return "The address could not be resolved.";
  if (err.kind !== "refused-address") return err.message;
  const entry = url.port ? `${url.hostname}:${url.port}` : url.hostname;
  return `${url.hostname} points to a private or local address, where webhooks aren't sent. An admin can allow it under Settings → Webhooks → "Private hosts webhooks may reach" (add ${entry}); queued deliveries are tried again.`;
}
