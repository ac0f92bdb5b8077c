import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stopDatabase } from "./stop-database.mjs";

/**
 * The launchers' bounded wait for the embedded database process: a database process that never
 * stops must not hold `npm start` (or the test waiting for it) forever. Real child processes stand in
 * for the database process: one that stops when told, one that ignores being told.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimtrail-stop-db-"));
afterEach(() => vi.restoreAllMocks());

function childRunning(body: string) {
  const file = path.join(dir, `child-${Math.random().toString(36).slice(2)}.cjs`);
  fs.writeFileSync(file, `process.on("SIGTERM", () => {}); setInterval(() => {}, 1000); ${body}\nprocess.send("ready");`);
  const proc = fork(file, [], { stdio: "ignore" });
  return new Promise<typeof proc>((resolve) => proc.once("message", () => resolve(proc)));
}

describe("stopDatabase", () => {
  it("tells the database to stop and waits for it to exit", async () => {
    const db = await childRunning(`process.on("message", (m) => { if (m === "stop") setTimeout(() => process.exit(0), 200); });`);
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await stopDatabase(db, 10_000);
    expect(db.exitCode).toBe(0);
    expect(error).not.toHaveBeenCalled();
  });

  it("kills a database that does not stop in time, and says so", async () => {
    const db = await childRunning(`process.on("message", () => {});`);
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const started = Date.now();
    await stopDatabase(db, 500);
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    expect(db.signalCode).toBe("SIGKILL");
    expect(error).toHaveBeenCalledWith(expect.stringContaining("did not stop within 0.5 s; killing it"));
  });

  it("returns at once for a database that has already exited", async () => {
    const db = await childRunning(`process.on("message", () => process.exit(0));`);
    db.send("stop");
    await new Promise((resolve) => db.once("exit", resolve));
    await expect(stopDatabase(db, 10_000)).resolves.toBeUndefined();
  });
});
