import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** bench/run.ts as `npm run bench -- …` runs it; only argument errors and --help, which stop before any bench runs. */
function bench(...args: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", path.join(__dirname, "run.ts"), ...args], { encoding: "utf8", timeout: 60_000 });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

describe("npm run bench's arguments", () => {
  it("--help prints the usage and the bench scripts' names, and runs nothing", () => {
    const { status, out } = bench("--help");
    expect(status).toBe(0);
    expect(out).toContain("--check");
    expect(out).toMatch(/Bench scripts: .*pages/);
    expect(out).not.toContain("===");
  });

  it.each([
    [["--check", "--only", "nosuch"], /no bench script is named "nosuch"/],
    [["--only", "pagez,export"], /no bench script is named "pagez"/],
    [["--only", "--check"], /--only needs the names/],
    [["--only"], /--only needs the names/],
    [["--chek"], /unknown argument "--chek"/],
  ])("%j stops with exit 2 before running anything (a typo can never pass --check)", (args, why) => {
    const { status, out, err } = bench(...args);
    expect(status).toBe(2);
    expect(err).toMatch(why);
    expect(out).not.toContain("===");
  });
});
