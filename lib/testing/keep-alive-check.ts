import http from "node:http";

/**
 * One GET of `url`, `idleMs` of silence, another GET on a keep-alive agent of one socket: was the second
 * sent on the first one's connection? A server that closes idle connections sooner (Node's default is 5 s)
 * makes a new one; closing it just as a client sends on it resets that request (ECONNRESET).
 */
export async function reusedAfterIdle(url: string, idleMs: number): Promise<{ first: number | undefined; second: number | undefined; reused: boolean }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = () =>
    new Promise<{ reused: boolean; status?: number }>((resolve, reject) => {
      const req = http.get(url, { agent }, (res) => {
        res.resume();
        res.on("end", () => resolve({ reused: req.reusedSocket, status: res.statusCode }));
      });
      req.on("error", reject);
    });
  try {
    const first = await get();
    await new Promise((r) => setTimeout(r, idleMs)); // the idle time is what is under test
    const second = await get();
    return { first: first.status, second: second.status, reused: second.reused };
  } finally {
    agent.destroy();
  }
}
