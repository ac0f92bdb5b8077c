import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { processTree } from "../bench/lib/process-usage";
import { MALLOC_ENV } from "./lib/malloc-settings.mjs";
import { freePort } from "./lib/test-server";

/**
 * What `npm start` (scripts/start.mjs) leaves running once the server answers (issue 11: no idle
 * launcher holding memory): the launched process is the Next.js server itself; with the embedded
 * database it has one child, the database server (PGlite), and nothing else. Ctrl-C stops both, the database
 * after the app. Builds first when the build isn't current (as `npm start` does).
 */
const running: ChildProcess[] = [];
const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const c of running.splice(0)) if (c.exitCode === null && c.signalCode === null) process.kill(-c.pid!, "SIGKILL");
  for (const d of databases.splice(0)) await d.drop();
});

async function start(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; base: string; output: () => string }> {
  const port = await freePort();
  // Its own process group, so a signal reaches every process of it, as Ctrl-C in a terminal does.
  const child = spawn(process.execPath, ["scripts/start.mjs"], { env: { ...env, PORT: String(port), DEMO: "0" }, detached: true, stdio: ["ignore", "pipe", "inherit"] });
  running.push(child);
  let printed = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    printed += chunk.toString();
    process.stdout.write(chunk);
  });
  const output = () => printed;
  const base = `http://localhost:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`scripts/start.mjs exited with ${child.exitCode}`);
    const status = await fetch(`${base}/signin`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return { child, base, output };
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function ctrlC(child: ChildProcess): Promise<number | null> {
  process.kill(-child.pid!, "SIGINT");
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code))));
}

/** A process's group id (field 5 of /proc/<pid>/stat). */
const processGroup = (pid: number) => {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
};

const describeTree = (pid: number) => processTree(pid).map((p) => `${p.pid} (parent ${p.ppid}) ${p.rssMb.toFixed(0)} MB: ${p.command}`);

describe("npm start's processes", () => {
  it("with DATABASE_URL: one process, the server itself, with no launcher beside it", { timeout: 900_000 }, async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, NEXTAUTH_SECRET: "test-secret-not-for-production" };
    for (const key of Object.keys(MALLOC_ENV)) delete env[key];
    const { child, base, output } = await start(env);
    console.log(`after start, with DATABASE_URL:\n  ${describeTree(child.pid!).join("\n  ")}`);
    const tree = processTree(child.pid!);
    // Next names its server process so: the launched process became the server.
    expect(tree.map((p) => p.command)).toEqual([expect.stringMatching(/^next-server \(v[\d.]+\)$/)]);
    // It runs with the allocator settings where Node can restart a process in place (22.15 and later): same pid.
    const environ = fs.readFileSync(`/proc/${child.pid}/environ`, "utf8").split("\0");
    const canExec = typeof (process as { execve?: unknown }).execve === "function";
    for (const [key, value] of Object.entries(MALLOC_ENV)) expect(environ.includes(`${key}=${value}`), `${key} (Node ${process.version})`).toBe(canExec);
    // Where it can't (Node 20), it says how to start it with them.
    expect(output().includes(`${Object.keys(MALLOC_ENV)[0]}=${Object.values(MALLOC_ENV)[0]} npm start`), output()).toBe(!canExec);
    // The process answering is the one launched: stop it, and nothing answers.
    expect(await ctrlC(child)).toBe(130);
    await expect(fetch(`${base}/signin`)).rejects.toThrow();
  });

  it("embedded: the server and one child, the database server; Ctrl-C stops the database after the app", { timeout: 900_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimtrail-start-"));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
      delete env.DATABASE_URL;
      delete env.NEXTAUTH_SECRET;
      const { child } = await start(env);
      console.log(`after start, embedded:\n  ${describeTree(child.pid!).join("\n  ")}`);
      const tree = processTree(child.pid!);
      expect(tree[0]).toMatchObject({ pid: child.pid, command: expect.stringMatching(/^next-server \(v[\d.]+\)$/) });
      const children = tree.filter((p) => p.ppid === child.pid);
      expect(children).toEqual([expect.objectContaining({ command: expect.stringMatching(/--import tsx .*scripts\/lib\/embedded-db\.ts$/) })]);
      // Below the database process only tsx's esbuild service, there when tsx had to compile (its cache was cold).
      expect(tree.filter((p) => p.ppid !== child.pid && p.pid !== child.pid)).toEqual(
        tree.filter((p) => p.ppid === children[0].pid && /\/esbuild --service/.test(p.command)),
      );
      expect(fs.existsSync(path.join(dataDir, "server.json"))).toBe(true);
      // The database is a process group of its own: the terminal's Ctrl-C (sent to the server's group) reaches
      // neither it nor tsx's esbuild service below it, which it may still need while it closes.
      expect(processGroup(children[0].pid)).toBe(children[0].pid);
      expect(processGroup(child.pid!)).toBe(child.pid);
      expect(await ctrlC(child)).toBe(130);
      // The launcher exits only once the database has closed cleanly (it removes server.json then).
      expect(fs.existsSync(path.join(dataDir, "server.json"))).toBe(false);
      expect(processTree(children[0].pid)).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
