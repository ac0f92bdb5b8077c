import { seedDemoIfEmpty } from "@/lib/demo/seed";
import { migrate } from "@/lib/db/migrate";
import { db } from "@/lib/db/client";
import { authSecret } from "./secret";
import { buildApp, buildIsCurrent } from "./build-fingerprint";
import { demoSignInBox } from "@/lib/demo/sign-in-box";
import { serverTimeouts } from "./keep-alive";

/**
 * The launcher's heavy work, in a process of its own that exits when done
 * (scripts/start.mjs, scripts/lib/serve.ts): migrations, first-start demo
 * data, the auth secret and, for production, the build. It loads Prisma, the
 * TypeScript loader and the domain code; the launcher, which lives on as the
 * server (or beside it in development), loads none of it. What the launcher
 * needs goes back over IPC: the secret, the server's keep-alive settings and,
 * when the demo account was just created, its sign-in as the box to print once
 * the server answers, after its output.
 */
export interface Prepared {
  secret: string;
  /** Environment for the server process (http-timeouts.mjs reads it). */
  serverEnv: Record<string, string>;
  /** The demo sign-in box, once the server answers and in case it doesn't yet; null when no demo account was created now. */
  demoBox: { ready: string; waiting: string } | null;
}

async function main() {
  const mode = process.argv[2] === "development" ? "development" : "production";
  const embedded = process.env.CLAIMTRAIL_EMBEDDED === "1";
  const url = process.env.DATABASE_URL!;
  const log = (line: string) => console.log(`[claimtrail] ${line}`);
  const secret = authSecret({ mustBeGiven: mode === "production" && !embedded });
  const serverEnv = serverTimeouts().env; // a bad KEEP_ALIVE_TIMEOUT_MS stops the start here, before anything changes
  await migrate(url, { log });
  let demo: { email: string; password: string } | null = null;
  if (process.env.DEMO !== "0") {
    const seeded = await seedDemoIfEmpty();
    if (seeded.created) {
      demo = { email: seeded.email, password: seeded.password };
      log("Demo workspace created; its sign-in follows once the server answers.");
    }
  }
  await db.$disconnect();
  const root = process.cwd();
  // If the build fails now, the password is never shown: say how to give the demo account one.
  const resetHint = () => demo && log(`The demo account was created; give it a password with: npm run cli -- reset-password ${demo.email}`);
  if (mode === "production" && !buildIsCurrent(root)) {
    log("Building the app (first start or sources changed)…");
    if (!buildApp(root, { ...process.env, NEXTAUTH_SECRET: secret })) {
      resetHint();
      throw new Error("next build failed");
    }
  }
  const port = process.env.PORT ?? "3000";
  const signIn = `${(process.env.NEXTAUTH_URL ?? `http://localhost:${port}`).replace(/\/$/, "")}/signin`;
  const demoBox = demo
    ? {
        ready: demoSignInBox({ headline: "Claimtrail is ready. Sign in to the demo workspace with:", url: signIn, ...demo }),
        waiting: demoSignInBox({ headline: "The server hasn't answered yet. When it does, sign in to the demo workspace with:", url: signIn, ...demo }),
      }
    : null;
  const prepared: Prepared = { secret, serverEnv, demoBox };
  await new Promise<void>((resolve, reject) => process.send!(prepared, (err: Error | null) => (err ? reject(err) : resolve())));
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`[claimtrail] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
