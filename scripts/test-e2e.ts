import { spawn } from "node:child_process";
import { chromiumPath } from "@/lib/testing/chromium";
import { startSecondInstance, startTestServer } from "./lib/test-server";

/**
 * Browser tests against the production build on a fresh database. Extra arguments go to `playwright test`.
 * Two instances of the build serve that one database (E2E_BASE_URL and E2E_BASE_URL_2), as behind a load
 * balancer: e2e/live.spec.ts puts one teammate on each. On PostgreSQL and on the embedded database alike
 * (PGlite in this process serves both over its socket; changes cross by the feed's sequence there).
 */
async function main(): Promise<number> {
  chromiumPath();
  const server = await startTestServer();
  let second: Awaited<ReturnType<typeof startSecondInstance>> | null = null;
  try {
    second = await startSecondInstance(server);
    const args = ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)];
    // Asynchronous: without DATABASE_URL the test database is PGlite inside this very process, and
    // must keep answering while Playwright runs (spawnSync blocked it, so every request hung).
    const child = spawn(process.execPath, args, { stdio: "inherit", env: { ...server.env, E2E_BASE_URL: server.baseUrl, E2E_BASE_URL_2: second.baseUrl } });
    return await new Promise<number>((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
  } finally {
    await second?.stop();
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(err.message);
    process.exit(1);
  },
);
