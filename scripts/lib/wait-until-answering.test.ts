import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { waitUntilAnswering } from "./wait-until-answering";

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A real HTTP server answering each request with the next status of `statuses` (the last one repeats). */
async function serverAnswering(...statuses: number[]) {
  let requests = 0;
  const server = http.createServer((_req, res) => {
    res.writeHead(statuses[Math.min(requests++, statuses.length - 1)]).end("…");
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/signin`, requests: () => requests };
}

describe("waitUntilAnswering", () => {
  it("waits through 5xx answers (a server still starting) and returns once one is below 500", async () => {
    const server = await serverAnswering(503, 500, 307);
    expect(await waitUntilAnswering(server.url, { stillRunning: () => true, intervalMs: 10 })).toBe(true);
    expect(server.requests()).toBe(3);
  });

  it("keeps trying while nothing listens yet, and gives up when the server process has gone", async () => {
    const server = await serverAnswering(200);
    await new Promise((r) => servers.pop()!.close(r)); // the port is free again: connections are refused
    let checks = 0;
    expect(await waitUntilAnswering(server.url, { stillRunning: () => ++checks < 4, intervalMs: 10 })).toBe(false);
    expect(checks).toBe(4);
  });

  it("gives up after the timeout", async () => {
    const server = await serverAnswering(503);
    expect(await waitUntilAnswering(server.url, { stillRunning: () => true, timeoutMs: 200, intervalMs: 10 })).toBe(false);
    expect(server.requests()).toBeGreaterThan(1);
  });
});
