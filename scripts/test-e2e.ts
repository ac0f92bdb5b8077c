import { spawnSync } from "node:child_process";
import { chromiumPath } from "@/lib/testing/chromium";
import { startTestServer } from "./lib/test-server";

/** Browser tests against the production build on a fresh database. Extra arguments go to `playwright test`. */
async function main(): Promise<number> {
  chromiumPath();
  const server = await startTestServer();
  try {
    const args = ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)];
    const result = spawnSync(process.execPath, args, { stdio: "inherit", env: { ...server.env, E2E_BASE_URL: server.baseUrl } });
    return result.status ?? 1;
  } finally {
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
