import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { findRunningEmbedded, startEmbedded } from "./embedded";

const CHILD = path.resolve("scripts", "testing", "embedded-child.ts");

interface Child {
  proc: ChildProcess;
  url: string;
  stderr: () => string;
}

const running = new Set<ChildProcess>();

/** Starts scripts/testing/embedded-child.ts on `dir` and waits for its "ready <url>" line. */
function startChild(dir: string, email?: string): Promise<Child> {
  const proc = spawn(process.execPath, ["--import", "tsx", CHILD, dir, ...(email ? [email] : [])], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(proc);
  proc.on("exit", () => running.delete(proc));
  let stdout = "";
  let stderr = "";
  proc.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    proc.stdout!.on("data", (d: Buffer) => {
      stdout += d.toString();
      const match = /^ready (\S+)$/m.exec(stdout);
      if (match) resolve({ proc, url: match[1], stderr: () => stderr });
    });
    proc.on("exit", (code, signal) => reject(new Error(`embedded child exited early (${code ?? signal}):\n${stderr}`)));
  });
}

function interrupt(child: Child): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.proc.exitCode !== null) return resolve({ code: child.proc.exitCode, signal: null });
    child.proc.once("exit", (code, signal) => resolve({ code, signal }));
    child.proc.kill("SIGINT");
  });
}

async function emails(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ email: string }>(`SELECT email FROM "User" ORDER BY email`)).rows.map((r) => r.email);
  } finally {
    await client.end();
  }
}

afterAll(() => {
  for (const proc of running) proc.kill("SIGKILL");
});

describe("embedded database (PGlite on a data folder)", () => {
  it("survives Ctrl-C: a restart on the same folder finds the data; a second server on it is refused meanwhile", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimtrail-embedded-"));
    try {
      const first = await startChild(dir, "kept@example.test");
      expect(await emails(first.url)).toEqual(["kept@example.test"]);

      // While it runs: others find it through server.json, and nobody else may open the folder.
      const info = JSON.parse(fs.readFileSync(path.join(dir, "server.json"), "utf8")) as { pid: number; port: number };
      expect(info.pid).toBe(first.proc.pid);
      expect(await findRunningEmbedded(dir)).toBe(first.url);
      await expect(startEmbedded(dir)).rejects.toThrow(/already served by another process/);

      expect(await interrupt(first)).toEqual({ code: 0, signal: null });
      expect(fs.existsSync(path.join(dir, "server.json"))).toBe(false);
      expect(await findRunningEmbedded(dir)).toBeNull();

      const second = await startChild(dir);
      expect(await emails(second.url)).toEqual(["kept@example.test"]);
      expect(await interrupt(second)).toEqual({ code: 0, signal: null });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a server.json left by a dead process does not block a new server", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimtrail-embedded-stale-"));
    try {
      // A pid that has exited: a finished child's.
      const dead = spawn(process.execPath, ["-e", ""]);
      await new Promise((r) => dead.once("exit", r));
      fs.writeFileSync(path.join(dir, "server.json"), JSON.stringify({ pid: dead.pid, port: 1 }));
      expect(await findRunningEmbedded(dir)).toBeNull();

      const server = await startEmbedded(dir);
      try {
        expect(await findRunningEmbedded(dir)).toBeNull(); // our own process does not count as "another"
        const info = JSON.parse(fs.readFileSync(path.join(dir, "server.json"), "utf8")) as { pid: number; port: number };
        expect(info).toEqual({ pid: process.pid, port: server.port });
      } finally {
        await server.stop();
      }
      expect(fs.existsSync(path.join(dir, "server.json"))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
