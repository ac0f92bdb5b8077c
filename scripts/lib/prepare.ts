import path from "node:path";
import { spawnSync } from "node:child_process";
import { describeSeed, seedDemoIfEmpty } from "@/lib/demo/seed";
import { migrate } from "@/lib/db/migrate";
import { db } from "@/lib/db/client";
import { authSecret } from "./secret";
import { buildIsCurrent, recordBuild } from "./build-fingerprint";

/**
 * The launcher's heavy work, in a process of its own that exits when done
 * (scripts/lib/serve.ts): migrations, first-start demo data, the auth secret
 * and, for production, the build. It loads Prisma and the domain code; the
 * launcher, which lives as long as the server, loads none of it. The secret
 * goes back over IPC.
 */
async function main() {
  const mode = process.argv[2] === "development" ? "development" : "production";
  const embedded = process.env.CLAIMTRAIL_EMBEDDED === "1";
  const url = process.env.DATABASE_URL!;
  const log = (line: string) => console.log(`[claimtrail] ${line}`);
  const secret = authSecret({ mustBeGiven: mode === "production" && !embedded });
  await migrate(url, { log });
  if (process.env.DEMO !== "0") {
    const seeded = await seedDemoIfEmpty();
    if (seeded.created) console.log(describeSeed(seeded));
  }
  await db.$disconnect();
  const root = process.cwd();
  if (mode === "production" && !buildIsCurrent(root)) {
    log("Building the app (first start or sources changed)…");
    const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production", NEXTAUTH_SECRET: secret } });
    if (build.status !== 0) throw new Error("next build failed");
    recordBuild(root);
  }
  await new Promise<void>((resolve, reject) => process.send!({ secret }, (err: Error | null) => (err ? reject(err) : resolve())));
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`[claimtrail] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
