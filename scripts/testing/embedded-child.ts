import pg from "pg";
import { startEmbedded } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

/**
 * Test helper for lib/db/embedded.test.ts, run as its own process:
 *   node --import tsx scripts/testing/embedded-child.ts <dataDir> [email-to-insert]
 * Serves the embedded database on <dataDir>, migrates it, optionally inserts a
 * user, prints "ready <url>", and on SIGINT/SIGTERM stops the server cleanly
 * and exits 0, as `npm start` does on Ctrl-C.
 */
async function main() {
  const [dir, email] = process.argv.slice(2);
  if (!dir) throw new Error("usage: embedded-child.ts <dataDir> [email]");
  const server = await startEmbedded(dir);
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      server.stop().then(
        () => process.exit(0),
        (err) => {
          console.error(err);
          process.exit(1);
        },
      );
    });
  }
  await migrate(server.url);
  if (email) {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, 'Embedded', 'x', now())`,
      [`u-${Date.now()}`, email],
    );
    await client.end();
  }
  process.stdout.write(`ready ${server.url}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
