import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { seedDemoIfEmpty, type SeedResult } from "@/lib/demo/seed";
import { demoSignInBox } from "@/lib/demo/sign-in-box";
import { openDatabase } from "./database";
import { migrate } from "@/lib/db/migrate";
import { authSecret } from "./secret";
import { buildIsCurrent, recordBuild } from "./build-fingerprint";
import { serverTimeouts } from "./keep-alive";
import { waitUntilAnswering } from "./wait-until-answering";

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
  let seeded: SeedResult | null = null;
  try {
    const secret = authSecret({ mustBeGiven: mode === "production" && !database.embedded });
    const timeouts = serverTimeouts();
    process.env.DATABASE_URL = database.url;
    (process.env as Record<string, string>).NODE_ENV = mode;
    await migrate(database.url, { log });
    if (process.env.DEMO !== "0") {
      seeded = await seedDemoIfEmpty();
      if (seeded.created) log("Demo workspace created; its sign-in follows once the server answers.");
    }
    if (mode === "production" && !buildIsCurrent(root)) {
      log("Building the app (first start or sources changed)…");
      const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXTAUTH_SECRET: secret } });
      if (build.status !== 0) throw new Error("next build failed");
      recordBuild(root);
    }
    const publicUrl = (process.env.NEXTAUTH_URL ?? `http://localhost:${port}`).replace(/\/$/, "");
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
    if (seeded?.created) {
      const { email, password } = seeded;
      // Printed last, after the server's own start-up lines, where it is seen (the sign-in page also compiles first in dev).
      void waitUntilAnswering(`http://localhost:${port}/signin`, { stillRunning: () => child.exitCode === null && !stopping }).then((ready) => {
        if (!ready && (child.exitCode !== null || stopping)) return;
        const headline = ready ? "Claimtrail is ready. Sign in to the demo workspace with:" : "The server hasn't answered yet. When it does, sign in to the demo workspace with:";
        console.log(demoSignInBox({ headline, url: `${publicUrl}/signin`, email, password }));
      });
    }
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.on(signal, () => {
        if (child.exitCode === null) child.kill(signal);
      });
    }
    child.on("exit", (code, signal) => void shutdown(code ?? (signal ? 0 : 1)));
  } catch (err) {
    console.error(`[claimtrail] ${err instanceof Error ? err.message : String(err)}`);
    // Its password was never shown (that waits for the server): say how to set one.
    if (seeded?.created) log(`The demo account was created; give it a password with: npm run cli -- reset-password ${seeded.email}`);
    await shutdown(1);
  }
}
