import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeWorkspace } from "@/lib/testing/fixtures";

const CLI = path.resolve("scripts", "cli.ts");
const CORPUS = path.resolve(process.cwd(), "../shared/corpus");

/** `tsx scripts/cli.ts …` as its own process, against this run's database. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", CLI, ...args], { env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("cli import", () => {
  it("imports the corpus folder with a line per file and a summary, then reports duplicates", async () => {
    const { workspace } = await makeWorkspace();
    const run = await cli("import", "--workspace", workspace.slug, CORPUS);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("created "))).toHaveLength(5);
    for (const n of ["000", "001", "002", "003", "004"]) expect(run.stdout).toMatch(new RegExp(`^created +\\S*/${n}_[0-9a-f]+\\.txt — ".+"$`, "m"));
    expect(run.stdout).toMatch(/^created +\S*\/001_\S+ — "Moscow guarantees proposals to US, NATO no longer valid"$/m);
    expect(run.stdout).toMatch(/^skipped +\S*\/README\.md — /m);
    expect(lines.at(-1)).toBe(`Imported into ${workspace.slug}: 5 created, 0 duplicate, 0 failed, 1 skipped.`);
    expect(await db.article.count({ where: { workspaceId: workspace.id } })).toBe(5);

    const again = await cli("import", "--workspace", workspace.slug, path.join(CORPUS, "001_485d8040132bfef6.txt"));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^duplicate \S+001_\S+ — already imported as "Moscow guarantees proposals to US, NATO no longer valid"\n/);
    expect(again.stdout.trimEnd().split("\n").at(-1)).toBe(`Imported into ${workspace.slug}: 0 created, 1 duplicate, 0 failed.`);
  });

  it("exits non-zero when a file fails, after importing the others", async () => {
    const { workspace } = await makeWorkspace();
    const dir = mkdtempSync(path.join(tmpdir(), "claimtrail-cli-"));
    writeFileSync(path.join(dir, "good.txt"), "A good headline\nAnd its body.");
    writeFileSync(path.join(dir, "empty.md"), "");
    writeFileSync(path.join(dir, "bad.json"), "{");
    const run = await cli("import", "--workspace", workspace.slug, dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`created   ${path.join(dir, "good.txt")} — "A good headline"`);
    expect(run.stdout).toContain(`failed    ${path.join(dir, "empty.md")} — "empty.md" is empty.`);
    expect(run.stdout).toMatch(new RegExp(`failed +${path.join(dir, "bad.json")} — Not valid JSON`));
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe(`Imported into ${workspace.slug}: 1 created, 0 duplicate, 2 failed.`);
    expect(run.stderr).toBe("Error: 2 imports failed (see above).\n");
    expect(await db.article.count({ where: { workspaceId: workspace.id } })).toBe(1);
  });

  it("needs a known workspace and at least one path", async () => {
    expect(await cli("import", "--workspace", "no-such-workspace-here", CORPUS)).toMatchObject({ code: 2, stderr: "Error: No workspace at /w/no-such-workspace-here.\n" });
    const { workspace } = await makeWorkspace();
    expect(await cli("import", "--workspace", workspace.slug)).toMatchObject({ code: 2, stderr: "Error: Give one or more files or folders to import.\n" });
  });

  it("imports a page of 100,000 nested elements quickly, and a file that fails doesn't stop the batch", async () => {
    const { workspace } = await makeWorkspace();
    const dir = mkdtempSync(path.join(tmpdir(), "claimtrail-cli-"));
    writeFileSync(path.join(dir, "a-deep.html"), "<div>".repeat(100_000) + "<p>Deep text.</p>" + "</div>".repeat(100_000));
    // NUL in a title and a date of year 10000 were database errors (500s) that ended the whole import.
    writeFileSync(
      path.join(dir, "b-list.json"),
      JSON.stringify([
        { title: "Bad\u0000title", text: "Body one." },
        { title: "Far future", text: "Body two.", publishedAt: "10000-01-01" },
        { title: "Fine item", text: "Body three." },
      ]),
    );
    writeFileSync(path.join(dir, "c-good.txt"), "A good headline\nAnd its body.");
    const started = Date.now();
    const run = await cli("import", "--workspace", workspace.slug, dir);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^created +${path.join(dir, "a-deep.html")} — `, "m"));
    expect(run.stdout).toMatch(/^failed +\S+b-list\.json #1 — title: Contains a NUL character/m);
    expect(run.stdout).toMatch(/^failed +\S+b-list\.json #2 — publishedAt: Use a real date/m);
    expect(run.stdout).toMatch(/^created +\S+b-list\.json #3 — "Fine item"$/m);
    expect(run.stdout).toContain(`created   ${path.join(dir, "c-good.txt")} — "A good headline"`);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe(`Imported into ${workspace.slug}: 3 created, 0 duplicate, 2 failed.`);
    const texts = (await db.article.findMany({ where: { workspaceId: workspace.id }, select: { text: true } })).map((a) => a.text).sort();
    expect(texts).toEqual(["And its body.", "Body three.", "Deep text."]);
  });
});
