import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_KEEP_ALIVE_TIMEOUT_MS, keepAliveTimeoutMs, serverTimeouts } from "./keep-alive";

/**
 * The server process `npm start` spawns gets its node arguments and
 * environment from serverTimeouts(); here a server made the way Next.js makes
 * its own (http.createServer) runs under exactly those.
 */
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill();
});

const SERVER = `
const http = require("node:http");
const server = http.createServer((req, res) => res.end(req.url === "/peer" ? String(req.headers["x-claimtrail-peer"]) : "ok"));
server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: server.address().port, keepAliveTimeout: server.keepAliveTimeout, headersTimeout: server.headersTimeout })));
`;

async function startServer(withTimeouts: boolean, env: Record<string, string> = {}) {
  const t = serverTimeouts(env);
  const child = spawn(process.execPath, [...(withTimeouts ? t.nodeArgs : []), "-e", SERVER], { env: { ...process.env, ...(withTimeouts ? t.env : {}) }, stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout!.once("data", (d: Buffer) => resolve(d.toString()));
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return JSON.parse(line) as { port: number; keepAliveTimeout: number; headersTimeout: number };
}

function get(port: number, agent: http.Agent): Promise<{ reused: boolean; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path: "/", agent }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve({ reused: req.reusedSocket, body }));
    });
    req.on("error", reject);
  });
}

/** One request, `idleMs` of silence, a second request: was it sent on the same connection? */
async function reusedAfterIdle(port: number, idleMs: number): Promise<boolean> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const first = await get(port, agent);
    expect(first).toEqual({ reused: false, body: "ok" });
    await new Promise((r) => setTimeout(r, idleMs)); // the idle time is what is under test
    const second = await get(port, agent);
    expect(second.body).toBe("ok");
    return second.reused;
  } finally {
    agent.destroy();
  }
}

describe("the served HTTP server's keep-alive", () => {
  it("outlasts common proxies' idle timeouts by default (65 s, headers timeout above it); a connection idle 8 s stays open where Node's default (5 s, plus its grace) closes it", async () => {
    const [ours, nodeDefault] = await Promise.all([startServer(true), startServer(false)]);
    expect(ours).toMatchObject({ keepAliveTimeout: DEFAULT_KEEP_ALIVE_TIMEOUT_MS, headersTimeout: DEFAULT_KEEP_ALIVE_TIMEOUT_MS + 1000 });
    expect(DEFAULT_KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(60_000); // AWS ALB and nginx: 60 s
    expect(nodeDefault.keepAliveTimeout).toBe(5_000);
    const [oursReused, defaultReused] = await Promise.all([reusedAfterIdle(ours.port, 8_000), reusedAfterIdle(nodeDefault.port, 8_000)]);
    expect(oursReused).toBe(true);
    expect(defaultReused).toBe(false);
  });

  it("KEEP_ALIVE_TIMEOUT_MS sets it; a bad value stops the start with a message naming the variable", async () => {
    expect((await startServer(true, { KEEP_ALIVE_TIMEOUT_MS: "120000" })).keepAliveTimeout).toBe(120_000);
    expect(keepAliveTimeoutMs({})).toBe(65_000);
    for (const bad of ["abc", "500", "65.5", "99999999"]) expect(() => keepAliveTimeoutMs({ KEEP_ALIVE_TIMEOUT_MS: bad })).toThrow(/KEEP_ALIVE_TIMEOUT_MS/);
  });
});

describe("the served HTTP server's client address", () => {
  it("writes the connection's own address into X-Claimtrail-Peer over whatever the client sent, so sign-in throttling can't be pointed at another address", async () => {
    const { port } = await startServer(true);
    const body = await new Promise<string>((resolve, reject) => {
      const req = http.get({ host: "127.0.0.1", port, path: "/peer", headers: { "x-claimtrail-peer": "203.0.113.9", "x-forwarded-for": "203.0.113.9" } }, (res) => {
        let text = "";
        res.on("data", (d: Buffer) => (text += d.toString()));
        res.on("end", () => resolve(text));
      });
      req.on("error", reject);
    });
    expect(body).toBe("127.0.0.1");
  });
});

describe("requests Node refuses before the app sees them", () => {
  it("an address over the 16 KB header limit is a 431 with a problem+json body pointing to POST; a malformed request line a 400", async () => {
    const { port } = await startServer(true);
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/workspaces/w/claims/suggestions?text=${"a".repeat(20_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toEqual({ type: "about:blank", title: "Request Header Fields Too Large", status: 431, detail: expect.stringContaining("POST") });

    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, "127.0.0.1", () => socket.write("NOT A REQUEST\r\n\r\n"));
      let got = "";
      socket.on("data", (d: Buffer) => (got += d.toString()));
      socket.on("close", () => resolve(got));
      socket.on("error", reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(raw.slice(raw.indexOf("\r\n\r\n") + 4))).toMatchObject({ status: 400, title: "Bad Request" });
  });
});
