import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { createTestDatabase } from "@/lib/db/test-database";
import { chromiumPath } from "@/lib/testing/chromium";
import { buildIsCurrent, recordBuild } from "./lib/build-fingerprint";

/**
 * Browser tests against the production build on a fresh database:
 * database → build (when sources changed) → next start → playwright test.
 */
const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error("next start exited before it was ready");
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within 60 s`);
}

async function main(): Promise<number> {
  chromiumPath();
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (!buildIsCurrent(root)) {
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
    if (build.status !== 0) return build.status ?? 1;
    recordBuild(root);
  }
  const database = await createTestDatabase();
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const serverEnv: NodeJS.ProcessEnv = { ...env, NODE_ENV: "production", DATABASE_URL: database.url, NEXTAUTH_SECRET: "e2e-secret-not-for-production", NEXTAUTH_URL: baseUrl, PORT: String(port) };
  const server = spawn(process.execPath, [nextBin, "start", "-p", String(port)], { stdio: ["ignore", "inherit", "inherit"], env: serverEnv });
  try {
    await waitForServer(`${baseUrl}/signin`, server);
    const args = ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)];
    const result = spawnSync(process.execPath, args, { stdio: "inherit", env: { ...serverEnv, E2E_BASE_URL: baseUrl } });
    return result.status ?? 1;
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once("exit", r)));
    await database.drop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(err.message);
    process.exit(1);
  },
);
