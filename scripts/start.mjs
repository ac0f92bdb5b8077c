// `npm start` (or `node scripts/start.mjs`): database (embedded unless DATABASE_URL), migrations,
// first-start demo data, auth secret and build, then this process becomes the Next.js server.
//
// Plain JavaScript on purpose: this process lives as long as the server, so it loads no TypeScript
// loader, no Prisma and no domain code. The heavy start-up work runs in a child that exits when done
// (scripts/lib/prepare.ts); then Next's own `next start` is loaded here, in this process, as if Node
// had been exec'd into it. The only other process that stays is the embedded database's, when there is
// one (scripts/lib/embedded-db.ts): it is the database server.
import { fork } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { execWithMallocSettings, MALLOC_ENV } from "./lib/malloc-settings.mjs";
import { stopDatabase } from "./lib/stop-database.mjs";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const log = (line) => console.log(`[claimtrail] ${line}`);

/**
 * Runs a TypeScript script (with the "@/" paths) as a child with IPC; resolves with its first message.
 * `ownGroup` puts it in a process group of its own, out of reach of the terminal's Ctrl-C: the
 * database process must stop when this process tells it to, not when the signal arrives, and tsx's
 * esbuild service below it must not die under it either (a module tsx compiles at shutdown would
 * then wait for it forever).
 */
function child(script, args, { ownGroup = false } = {}) {
  const proc = fork(path.join(root, "scripts", "lib", script), args, { execArgv: ["--import", "tsx"], env: process.env, stdio: "inherit", detached: ownGroup });
  const message = new Promise((resolve, reject) => {
    proc.once("message", resolve);
    proc.once("exit", (code) => reject(new Error(`${script} exited (${code}) before it was ready`)));
  });
  return { proc, message };
}

/** Polls the sign-in page until the server answers (a redirect or any status below 500 is an answer). */
async function answering(url, timeoutMs = 5 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(Math.max(1_000, deadline - Date.now())) });
      await res.body?.cancel();
      if (res.status < 500) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/**
 * The embedded database must close only after the app has stopped (no connection cut mid-write), and
 * this process should end only once it has (a restart right after Ctrl-C finds the data folder free).
 * Next's signal handler closes the server, waits for requests in flight, then calls process.exit: that
 * exit is held until the database process has stopped. A crash without process.exit still closes it:
 * the database process stops when its IPC channel to us goes away.
 */
function exitAfter(database) {
  const exit = process.exit.bind(process);
  let exiting = false;
  process.exit = (code) => {
    if (exiting) return;
    exiting = true;
    stopDatabase(database).then(() => exit(code));
  };
}

async function main() {
  // First of all, before anything runs: the server's memory allocator settings, which glibc reads only as a
  // process starts, so this process starts again with them (the same process: execve).
  execWithMallocSettings();
  // Still here without them: this Node can't restart itself with them (process.execve came with 22.15). Said, since
  // without them the server stays a few hundred MB larger after heavy work (black-box pass of session 31).
  const unset = Object.keys(MALLOC_ENV).filter((k) => process.env[k] === undefined);
  if (process.platform === "linux" && unset.length)
    log(`Node ${process.version} can't set the server's memory allocator settings itself: start it as \`${unset.map((k) => `${k}=${MALLOC_ENV[k]}`).join(" ")} npm start\` (README, Configuration), or use Node 22.15 or later. Without them its memory stays several hundred MB higher after heavy work.`);
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  process.env.NODE_ENV = "production";
  const port = process.env.PORT ?? "3000";
  let database = null;
  try {
    if (!process.env.DATABASE_URL) {
      const embedded = child("embedded-db.ts", [], { ownGroup: true });
      database = embedded.proc;
      const info = await embedded.message;
      log(`Embedded PostgreSQL (PGlite) started on 127.0.0.1:${info.port}, data in ${info.dir}`);
      process.env.DATABASE_URL = info.url;
      process.env.CLAIMTRAIL_EMBEDDED = "1";
    }
    const prepared = await child("prepare.ts", ["production"]).message;
    Object.assign(process.env, prepared.serverEnv, { NEXTAUTH_SECRET: prepared.secret, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` });
    // What `node --import http-timeouts.mjs next start` gave the server as a child: loaded before Next makes its http.Server.
    await import(pathToFileURL(path.join(root, "scripts", "lib", "http-timeouts.mjs")).href);
    if (database) exitAfter(database);
    log(`Claimtrail is starting on http://localhost:${port}`);
    if (prepared.demoBox) {
      // Printed last, after the server's own start-up lines, where it is seen.
      void answering(`http://localhost:${port}/signin`).then((ready) => console.log(ready ? prepared.demoBox.ready : prepared.demoBox.waiting));
    }
    process.argv = [process.execPath, nextBin, "start", "-p", port];
    createRequire(import.meta.url)(nextBin);
  } catch (err) {
    console.error(`[claimtrail] ${err instanceof Error ? err.message : String(err)}`);
    if (database) await stopDatabase(database);
    process.exit(1);
  }
}

void main();
