import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";

/**
 * How long the server keeps an idle keep-alive connection open. It must
 * outlast the idle timeout of whatever proxy sits in front (AWS ALB 60 s,
 * nginx upstream keepalive 60 s, Google LB 600 s): otherwise the server closes
 * a connection just as the proxy sends the next request on it, and that
 * request fails (502/reset). Node's default is 5 s.
 */
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 65_000;

const keepAliveMs = z.coerce
  .number({ error: "KEEP_ALIVE_TIMEOUT_MS must be a number of milliseconds." })
  .int("KEEP_ALIVE_TIMEOUT_MS must be a whole number of milliseconds.")
  .min(1_000, "KEEP_ALIVE_TIMEOUT_MS must be at least 1000 (1 s).")
  .max(3_600_000, "KEEP_ALIVE_TIMEOUT_MS must be at most 3600000 (1 h).");

export function keepAliveTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.KEEP_ALIVE_TIMEOUT_MS?.trim();
  if (!raw) return DEFAULT_KEEP_ALIVE_TIMEOUT_MS;
  const parsed = keepAliveMs.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues[0].message);
  return parsed.data;
}

const preload = path.join(process.cwd(), "scripts", "lib", "http-timeouts.mjs");

/** Node arguments and environment for the server process, so its http.Server gets these timeouts. */
export function serverTimeouts(env: Record<string, string | undefined> = process.env): { nodeArgs: string[]; env: Record<string, string> } {
  return {
    nodeArgs: ["--import", pathToFileURL(preload).href],
    env: { CLAIMTRAIL_KEEP_ALIVE_TIMEOUT_MS: String(keepAliveTimeoutMs(env)) },
  };
}
