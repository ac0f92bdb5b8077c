import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/db/data-dir";

/**
 * NEXTAUTH_SECRET signs sessions. On a real server deployment it must be given
 * (every instance needs the same one); for the embedded default it is made once
 * and kept beside the data.
 */
export function authSecret(opts: { mustBeGiven: boolean }): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (opts.mustBeGiven) {
    throw new Error(
      "NEXTAUTH_SECRET is required when DATABASE_URL is set. Generate one with `openssl rand -base64 32` and give every app instance the same value.",
    );
  }
  const file = path.join(dataDir(), "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    const secret = randomBytes(32).toString("base64url");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
