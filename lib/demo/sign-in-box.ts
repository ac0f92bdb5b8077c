/**
 * The demo account's sign-in, boxed so it stands out in a console full of
 * start-up output. Plain text (no colours): it may be piped to a log file.
 */
export function demoSignInBox(opts: { url: string; email: string; password: string; headline: string }): string {
  const lines = [
    opts.headline,
    "",
    `  Open:      ${opts.url}`,
    `  Email:     ${opts.email}`,
    `  Password:  ${opts.password}`,
    "",
    "The password is shown only this once. Lost it? Set a new one with",
    `  npm run cli -- reset-password ${opts.email}`,
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const edge = "─".repeat(width + 4);
  return ["", `┌${edge}┐`, ...lines.map((l) => `│  ${l.padEnd(width)}  │`), `└${edge}┘`, ""].join("\n");
}
