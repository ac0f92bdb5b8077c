import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { describeSeed, seedDemoIfEmpty } from "@/lib/demo/seed";
import { openDatabase } from "./database";
import { migrate } from "@/lib/db/migrate";
import { authSecret } from "./secret";
import { buildIsCurrent, recordBuild } from "./build-fingerprint";
import { serverTimeouts } from "./keep-alive";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const log = (line: string) => console.log(`[claimtrail] ${line}`);

/**
 * `npm start` and `npm run dev`: database (embedded unless DATABASE_URL),
 * migrations, first-start demo data, auth secret, then Next.js as a child.
 * Ctrl-C reaches the child and us; the embedded database is closed cleanly
 * after the child has exited, so no connection is cut mid-write.
 */
export async function serve(mode: "production" | "development"): Promise<void> {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const port = process.env.PORT ?? "3000";
  const database = await openDatabase({ reuseRunning: false, log });
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await database.release().catch((err) => console.error(err));
    process.exit(code);
  };
  try {
    const secret = authSecret({ mustBeGiven: mode === "production" && !database.embedded });
    const timeouts = serverTimeouts();
    process.env.DATABASE_URL = database.url;
    (process.env as Record<string, string>).NODE_ENV = mode;
    await migrate(database.url, { log });
    if (process.env.DEMO !== "0") {
      const seeded = await seedDemoIfEmpty();
      if (seeded.created) console.log(describeSeed(seeded));
    }
    if (mode === "production" && !buildIsCurrent(root)) {
      log("Building the app (first start or sources changed)…");
      const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXTAUTH_SECRET: secret } });
      if (build.status !== 0) throw new Error("next build failed");
      recordBuild(root);
    }
    const child = spawn(process.execPath, [...timeouts.nodeArgs, nextBin, mode === "production" ? "start" : "dev", "-p", port], {
      stdio: "inherit",
      env: {
        ...process.env,
        ...timeouts.env,
        NEXTAUTH_SECRET: secret,
        NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      },
    });
    log(`Claimtrail is starting on http://localhost:${port}`);
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.on(signal, () => {
        if (child.exitCode === null) child.kill(signal);
      });
    }
    child.on("exit", (code, signal) => void shutdown(code ?? (signal ? 0 : 1)));
  } catch (err) {
    console.error(`[claimtrail] ${err instanceof Error ? err.message : String(err)}`);
    await shutdown(1);
  }
}
