import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { buildApp, buildIsCurrent } from "./build-fingerprint";
import { serverTimeouts } from "./keep-alive";
import { MALLOC_ENV } from "./malloc-settings.mjs";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

export interface TestServer {
  baseUrl: string;
  /** The `next start` process (for measuring its memory). */
  pid: number;
  database: TestDatabase;
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/** A port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
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
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within 60 s`);
}

/** Builds when sources changed. */
export function ensureBuild(): void {
  if (buildIsCurrent(root)) return;
  if (!buildApp(root, process.env)) throw new Error("next build failed");
}

/**
 * The production app on a fresh database and a free port, for browser tests and benchmarks.
 * `database` serves an existing one instead (its `drop` runs on stop); `env` overrides the
 * loopback ports and addresses chosen here (a second instance shares the first's).
 */
export async function startTestServer(opts: { quiet?: boolean; database?: TestDatabase; nodeArgs?: string[]; env?: Partial<NodeJS.ProcessEnv>; sameBuild?: boolean } = {}): Promise<TestServer> {
  // A further instance serves the build the first one serves: rebuilding for sources edited meanwhile
  // would swap the first one's client scripts from under it (its pages then never hydrate).
  if (!opts.sameBuild) ensureBuild();
  const database = opts.database ?? (await createTestDatabase());
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  // The browser tests serve web pages to import on this loopback port (e2e/url-import.spec.ts); the app may fetch from it.
  const pagePort = await freePort();
  // The app sends mail to an SMTP server on this loopback port; specs that read mail start one there
  // (lib/mail/smtp-sink.ts, e2e/notifications.spec.ts). Nobody listening: mail waits in its queue, retried.
  const smtpPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    // The allocator settings `npm start` gives the server (scripts/lib/malloc-settings.mjs); a caller's own
    // value wins, and an empty one leaves the setting out (glibc's default), for comparing the two.
    ...MALLOC_ENV,
    E2E_PAGE_PORT: String(pagePort),
    E2E_SMTP_PORT: String(smtpPort),
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    IMPORT_ALLOW_HOSTS: `127.0.0.1:${pagePort}`,
    ...process.env,
    ...opts.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: "test-secret-not-for-production",
    NEXTAUTH_URL: baseUrl,
    PORT: String(port),
  };
  for (const key of Object.keys(MALLOC_ENV)) if (env[key] === "") delete env[key];
  // Served as `npm start` serves (scripts/lib/serve.ts): with its keep-alive timeout above all. Node's default
  // of 5 s closed idle connections just as Playwright's request client sent on them (a CI run's ECONNRESET).
  const timeouts = serverTimeouts(env);
  const server = spawn(process.execPath, [...timeouts.nodeArgs, ...(opts.nodeArgs ?? []), nextBin, "start", "-p", String(port)], {
    stdio: ["ignore", opts.quiet ? "ignore" : "inherit", "inherit"],
    env: { ...env, ...timeouts.env },
  });
  try {
    await waitForServer(`${baseUrl}/signin`, server);
  } catch (err) {
    server.kill("SIGTERM");
    await database.drop();
    throw err;
  }
  return {
    baseUrl,
    pid: server.pid!,
    database,
    env,
    async stop() {
      server.kill("SIGTERM");
      await new Promise((r) => (server.exitCode !== null ? r(null) : server.once("exit", r)));
      await database.drop();
    },
  };
}

/**
 * A second `next start` of the same build on another port over the first's
 * database, with the same secret, SMTP server and import allowance: two app
 * instances as behind a load balancer. Stopping it leaves the database to the first.
 */
export async function startSecondInstance(first: TestServer, opts: { quiet?: boolean; env?: Partial<NodeJS.ProcessEnv> } = {}): Promise<TestServer> {
  const shared = ["E2E_PAGE_PORT", "E2E_SMTP_PORT", "SMTP_URL", "IMPORT_ALLOW_HOSTS", "NEXTAUTH_SECRET"] as const;
  const env = { ...Object.fromEntries(shared.map((key) => [key, first.env[key]])), ...opts.env } as NodeJS.ProcessEnv;
  return startTestServer({ ...opts, env, sameBuild: true, database: { url: first.database.url, drop: async () => undefined } });
}
