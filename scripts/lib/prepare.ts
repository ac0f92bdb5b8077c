import { seedDemoIfEmpty } from "@/lib/demo/seed";
import { migrate } from "@/lib/db/migrate";
import { db } from "@/lib/db/client";
import { authSecret } from "./secret";
import { buildApp, buildIsCurrent } from "./build-fingerprint";

/**
 * The launcher's heavy work, in a process of its own that exits when done
 * (scripts/lib/serve.ts): migrations, first-start demo data, the auth secret
 * and, for production, the build. It loads Prisma and the domain code; the
 * launcher, which lives as long as the server, loads none of it. The secret,
 * and the demo account's sign-in when it was just created, go back over IPC:
 * the launcher prints that sign-in once the server answers, after its output.
 */
export interface Prepared {
  secret: string;
  demo: { email: string; password: string } | null;
}

async function main() {
  const mode = process.argv[2] === "development" ? "development" : "production";
  const embedded = process.env.CLAIMTRAIL_EMBEDDED === "1";
  const url = process.env.DATABASE_URL!;
  const log = (line: string) => console.log(`[claimtrail] ${line}`);
  const secret = authSecret({ mustBeGiven: mode === "production" && !embedded });
  await migrate(url, { log });
  let demo: Prepared["demo"] = null;
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
  const prepared: Prepared = { secret, demo };
  await new Promise<void>((resolve, reject) => process.send!(prepared, (err: Error | null) => (err ? reject(err) : resolve())));
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`[claimtrail] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
