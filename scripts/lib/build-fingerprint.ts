import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "i18n", "messages", "proxy.ts", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "package-lock.json", "tsconfig.json", "prisma/schema.prisma"];
const SKIP = new Set(["node_modules", ".next", ".data", "generated"]);
const STAMP = path.join(".next", "claimtrail-build.json");

function walk(p: string, out: string[]): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) if (!SKIP.has(name)) walk(path.join(p, name), out);
  } else {
    out.push(`${p}:${stat.size}:${stat.mtimeMs}`);
  }
}

/** A hash of what the production build is made from, so `npm start` rebuilds only when it changed. */
export function sourceFingerprint(root: string): string {
  const entries: string[] = [];
  for (const s of SOURCES) walk(path.join(root, s), entries);
  return createHash("sha256").update(entries.join("\n")).digest("hex");
}

export function buildIsCurrent(root: string): boolean {
  try {
    if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) return false;
    const stamp = JSON.parse(fs.readFileSync(path.join(root, STAMP), "utf8")) as { fingerprint: string };
    return stamp.fingerprint === sourceFingerprint(root);
  } catch {
    return false;
  }
}

export function recordBuild(root: string): void {
  fs.writeFileSync(path.join(root, STAMP), JSON.stringify({ fingerprint: sourceFingerprint(root) }));
}

/**
 * `next build`, then the stamp that tells `npm start` (and the test server) the build is current.
 * The one way every build is made (`npm run build`, `npm start`, tests, benches): a build made any
 * other way has no stamp, and the next `npm start` would build again.
 */
export function buildApp(root: string, env: NodeJS.ProcessEnv): boolean {
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: { ...env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" } });
  if (build.status !== 0) return false;
  recordBuild(root);
  return true;
}
