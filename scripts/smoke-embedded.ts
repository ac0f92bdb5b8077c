import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "@/lib/testing/chromium";
import { reusedAfterIdle } from "@/lib/testing/keep-alive-check";

/**
 * CI smoke test of the embedded default: with no DATABASE_URL, `npm start`
 * serves the sign-in page and the printed demo account signs in; Ctrl-C
 * stops it cleanly and a restart finds the same data.
 */
const port = Number(process.env.SMOKE_PORT ?? 3300);
const base = `http://localhost:${port}`;

function start(dataDir: string): { child: ChildProcess; output: () => string } {
  let output = "";
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port) };
  delete env.DATABASE_URL;
  delete env.NEXTAUTH_SECRET;
  // Its own process group, so a signal reaches npm, tsx and Next.js together, as Ctrl-C in a terminal does.
  const child = spawn("npm", ["start"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (d: Buffer) => {
    output += d.toString();
    process.stdout.write(d);
  });
  child.stderr?.on("data", (d: Buffer) => {
    output += d.toString();
    process.stderr.write(d);
  });
  return { child, output: () => output };
}

async function waitFor(check: () => Promise<boolean> | boolean, what: string, seconds = 300) {
  for (let i = 0; i < seconds * 2; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

async function ready(child: ChildProcess): Promise<boolean> {
  if (child.exitCode !== null) throw new Error(`npm start exited with code ${child.exitCode}`);
  try {
    return (await fetch(`${base}/signin`)).status === 200;
  } catch {
    return false;
  }
}

async function stop(child: ChildProcess) {
  process.kill(-child.pid!, "SIGINT");
  await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
}

async function signInWorks(email: string, password: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/signin`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: /Demo newsroom/ }).waitFor({ timeout: 30_000 });
  } finally {
    await browser.close();
  }
}

/**
 * The served server keeps an idle keep-alive connection open longer than
 * proxies do (65 s by default): after 8 s of silence, well past Node's 5 s
 * default, a second request still goes over the first one's connection.
 */
async function keepAliveOutlastsIdle(): Promise<void> {
  const seen = await reusedAfterIdle(`${base}/signin`, 8_000);
  if (seen.second !== 200 || !seen.reused) throw new Error(`a keep-alive connection idle for 8 s was closed by the server (${JSON.stringify(seen)})`);
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimtrail-smoke-"));
  try {
    const first = start(dataDir);
    await waitFor(() => ready(first.child), "the first start to serve /signin");
    // The sign-in is printed once the server answers: last, below the server's own start-up lines.
    await waitFor(() => /Password:\s+\S+/.test(first.output()), "npm start to print the demo sign-in", 60);
    const email = /Email:\s+(\S+)/.exec(first.output())?.[1];
    const password = /Password:\s+(\S+)/.exec(first.output())?.[1];
    if (!email || !password) throw new Error("npm start did not print the demo account");
    if (first.output().indexOf("Password:") < first.output().lastIndexOf("Ready in")) throw new Error("the demo sign-in was printed before the server was ready");
    await signInWorks(email, password);
    console.log("smoke: demo account signed in on the embedded database");
    await keepAliveOutlastsIdle();
    console.log("smoke: a keep-alive connection idle for 8 s is still open");
    await stop(first.child);
    if (fs.existsSync(path.join(dataDir, "server.json"))) throw new Error("the embedded server did not shut down cleanly");

    const second = start(dataDir);
    await waitFor(() => ready(second.child), "the restart to serve /signin");
    if (/Demo workspace created/.test(second.output())) throw new Error("the restart re-seeded: data was lost");
    await signInWorks(email, password);
    console.log("smoke: after Ctrl-C and a restart, the same data is there");
    await stop(second.child);
    console.log("smoke: 3 passed, 0 failed");
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(`smoke: FAILED: ${err.message}`);
    process.exit(1);
  },
);
