import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromiumPath } from "@/lib/testing/chromium";
import { startSecondInstance, startTestServer } from "./lib/test-server";

/**
 * Browser tests against the production build on a fresh database. Extra arguments go to `playwright test`.
 * Two instances of the build serve that one database (E2E_BASE_URL and E2E_BASE_URL_2), as behind a load
 * balancer: e2e/live.spec.ts puts one teammate on each. On PostgreSQL and on the embedded database alike
 * (PGlite in this process serves both over its socket; changes cross by the feed's sequence there).
 */
/**
 * A model directory with problems (no model.onnx nor tokenizer.json, a bad maxTokens, an unknown setting),
 * made here because CI has no network: e2e/meaning.spec.ts reads the settings' list of what to fix from an
 * instance given it (E2E_BASE_URL_BROKEN_MODEL).
 */
function brokenModelDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimtrail-broken-model-"));
  fs.writeFileSync(path.join(dir, "claimtrail.json"), JSON.stringify({ maxTokens: 2, extra: 1 }));
  return dir;
}

/** Only runs that may include e2e/meaning.spec.ts (the whole suite, or named files among them it) pay for the third instance's start. */
function wantsBrokenModel(args: string[]): boolean {
  const named = args.filter((a) => !a.startsWith("-"));
  return named.length === 0 || named.some((a) => a.includes("meaning") || /^(\.\/)?e2e\/?$/.test(a));
}

async function main(): Promise<number> {
  chromiumPath();
  const server = await startTestServer();
  let second: Awaited<ReturnType<typeof startSecondInstance>> | null = null;
  let broken: Awaited<ReturnType<typeof startSecondInstance>> | null = null;
  const brokenDir = wantsBrokenModel(process.argv.slice(2)) ? brokenModelDir() : null;
  try {
    second = await startSecondInstance(server);
    if (brokenDir) broken = await startSecondInstance(server, { quiet: true, env: { EMBEDDING_MODEL_DIR: brokenDir } });
    const args = ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)];
    // Asynchronous: without DATABASE_URL the test database is PGlite inside this very process, and
    // must keep answering while Playwright runs (spawnSync blocked it, so every request hung).
    const child = spawn(process.execPath, args, { stdio: "inherit", env: {
        ...server.env,
        E2E_BASE_URL: server.baseUrl,
        E2E_BASE_URL_2: second.baseUrl,
        ...(broken ? { E2E_BASE_URL_BROKEN_MODEL: broken.baseUrl } : {}),
      },
    });
    return await new Promise<number>((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
  } finally {
    await broken?.stop();
    if (brokenDir) fs.rmSync(brokenDir, { recursive: true, force: true });
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
