/**
 * Polls `url` until the server answers (any status below 500) and returns
 * true; false when `stillRunning` says the server process has gone or
 * `timeoutMs` has passed. `npm start` uses it to print the demo sign-in after
 * Next.js is actually serving, below its start-up output rather than above
 * ninety lines of build log.
 */
export async function waitUntilAnswering(url: string, opts: { stillRunning: () => boolean; timeoutMs?: number; intervalMs?: number }): Promise<boolean> {
  const { stillRunning, timeoutMs = 5 * 60_000, intervalMs = 250 } = opts;
  const deadline = Date.now() + timeoutMs;
  while (stillRunning() && Date.now() < deadline) {
    try {
      // Not following redirects: a redirect is an answer too.
      const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(Math.max(1_000, deadline - Date.now())) });
      await res.body?.cancel();
      if (res.status < 500) return true;
    } catch {
      // Not listening yet (or the request timed out): try again.
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return false;
}
