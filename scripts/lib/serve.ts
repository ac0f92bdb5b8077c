import { fork, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { serverTimeouts } from "./keep-alive";
import { stopDatabase } from "./stop-database.mjs";
import type { Prepared } from "./prepare";
import { waitUntilAnswering } from "./wait-until-answering";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const log = (line: string) => console.log(`[claimtrail] ${line}`);

/**
 * Runs a TypeScript script (with the "@/" paths) as a child with IPC; resolves with its first message.
 * `ownGroup`: in a process group of its own, out of reach of the terminal's Ctrl-C (see start.mjs).
 */
function child<T>(script: string, args: string[], env: NodeJS.ProcessEnv, { ownGroup = false } = {}): { proc: ChildProcess; message: Promise<T> } {
  const proc = fork(path.join(root, "scripts", "lib", script), args, { execArgv: ["--import", "tsx"], env, stdio: "inherit", detached: ownGroup });
  const message = new Promise<T>((resolve, reject) => {
    proc.once("message", (m) => resolve(m as T));
    proc.once("exit", (code) => reject(new Error(`${script} exited (${code}) before it was ready`)));
  });
  return { proc, message };
}

/**
 * `npm run dev`: database (embedded unless DATABASE_URL), migrations,
 * first-start demo data, auth secret, then Next.js as a child (`next dev`
 * forks its own server process anyway). `npm start` is scripts/start.mjs,
 * which becomes the server itself.
 *
 * This launcher lives as long as the server, so it stays small: it loads no
 * Prisma and no domain code. Migrations, demo data and the build run in a
 * child that exits when done (prepare.ts); the embedded PostgreSQL (PGlite)
 * runs in a child of its own (embedded-db.ts), which is the database server
 * and holds only that. Ctrl-C reaches the app and us, not the database (its
 * own process group); the embedded database is told to stop only after the
 * app has exited, so no connection is cut mid-write.
 */
export async function serve(mode: "production" | "development"): Promise<void> {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const port = process.env.PORT ?? "3000";
  let database: ChildProcess | null = null;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (database) await stopDatabase(database);
    process.exit(code);
  };
  try {
    const timeouts = serverTimeouts();
    if (!process.env.DATABASE_URL) {
      const embedded = child<{ url: string; port: number; dir: string }>("embedded-db.ts", [], process.env, { ownGroup: true });
      database = embedded.proc;
      const info = await embedded.message;
      log(`Embedded PostgreSQL (PGlite) started on 127.0.0.1:${info.port}, data in ${info.dir}`);
      process.env.DATABASE_URL = info.url;
      process.env.CLAIMTRAIL_EMBEDDED = "1";
    }
    (process.env as Record<string, string>).NODE_ENV = mode;
    const prepared = await child<Prepared>("prepare.ts", [mode], process.env).message;
    const app = spawn(process.execPath, [...timeouts.nodeArgs, nextBin, mode === "production" ? "start" : "dev", "-p", port], {
      stdio: "inherit",
      env: {
        ...process.env,
        ...prepared.serverEnv,
        NEXTAUTH_SECRET: prepared.secret,
        NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      },
    });
    log(`Claimtrail is starting on http://localhost:${port}`);
    const box = prepared.demoBox;
    if (box) {
      // Printed last, after the server's own start-up lines, where it is seen (the sign-in page also compiles first in dev).
      void waitUntilAnswering(`http://localhost:${port}/signin`, { stillRunning: () => app.exitCode === null && !stopping }).then((ready) => {
        if (!ready && (app.exitCode !== null || stopping)) return;
        console.log(ready ? box.ready : box.waiting);
      });
    }
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.on(signal, () => {
        if (app.exitCode === null) app.kill(signal);
      });
    }
    app.on("exit", (code, signal) => void shutdown(code ?? (signal ? 0 : 1)));
  } catch (err) {
    console.error(`[claimtrail] ${err instanceof Error ? err.message : String(err)}`);
    await shutdown(1);
  }
}
