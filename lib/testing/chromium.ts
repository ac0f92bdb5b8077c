import fs from "node:fs";

/** Browser tests use the system Chromium; nothing is downloaded. */
export function chromiumPath(): string {
  const candidate = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(candidate)) {
    throw new Error(
      `No Chromium at ${candidate}. Install it (Debian/Ubuntu: \`apt-get install -y chromium\`) or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
    );
  }
  return candidate;
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
