import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeWorkspace } from "@/lib/testing/fixtures";

const CLI = path.resolve("scripts", "cli.ts");

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", CLI, ...args], { env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("cli import-annotations", () => {
  it("dry run, then import; bad files and article imports of annotation files are refused with a clear message", async () => {
    const { workspace, admin } = await makeWorkspace();
    const dir = mkdtempSync(path.join(tmpdir(), "claimtrail-ann-"));
    const text = "Exports rose 12% in 2023, the agency said.";
    const file = path.join(dir, "spans.jsonl");
    writeFileSync(file, `${JSON.stringify({ text, label: [[0, 7, "TOPIC"], [13, 16, "CLAIM"], [90, 95, "X"]], user: "dana" })}\n`);

    const dry = await cli("import-annotations", "--workspace", workspace.slug, "--email", admin.email, file, "--dry-run");
    expect(dry).toMatchObject({ code: 0, stderr: "" });
    expect(dry.stdout).toContain(`Dry run of ${file} (doccano): nothing was written.`);
    expect(dry.stdout).toMatch(/^placed +#1 "Exports" → Exports rose 12% in 2023, the agency said\.$/m);
    expect(dry.stdout).toMatch(/^orphaned +#3 "" → .+ \(Offsets 90–95 are beyond the text \(42 characters\)\.\)$/m);
    expect(dry.stdout.trimEnd().split("\n").at(-1)).toBe("2 placed, 0 moved, 1 orphaned, 0 already highlighted; 1 new claims.");
    expect(await db.annotation.count({ where: { workspaceId: workspace.id } })).toBe(0);

    const run = await cli("import-annotations", "--workspace", workspace.slug, "--email", admin.email, file);
    expect(run.code).toBe(0);
    expect(await db.annotation.findMany({ where: { workspaceId: workspace.id }, select: { exact: true, tags: true, originalCreator: true }, orderBy: { start: "asc" } })).toEqual([
      { exact: "Exports", tags: ["TOPIC"], originalCreator: "dana" },
      { exact: "12%", tags: [], originalCreator: "dana" },
    ]);
    expect(await db.claim.count({ where: { workspaceId: workspace.id, statement: "12%" } })).toBe(1);

    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, "{ not json");
    const refused = await cli("import-annotations", "--workspace", workspace.slug, "--email", admin.email, bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Error: This file isn't valid JSON \(line 1, column 3: unexpected "n"\)\./);

    // The article importer used to make an article of a Hypothesis file's notes.
    const hyp = path.join(dir, "hypothesis.json");
    writeFileSync(hyp, JSON.stringify({ total: 1, rows: [{ uri: "https://x.example", text: "A note", target: [{ source: "https://x.example" }] }] }));
    const asArticles = await cli("import", "--workspace", workspace.slug, hyp);
    expect(asArticles.code).toBe(1);
    expect(asArticles.stdout).toContain("A Hypothesis annotation file, not articles: import it with import-annotations");
    expect(await db.article.count({ where: { workspaceId: workspace.id } })).toBe(1);
    // Five CLI processes, each starting tsx and Prisma: slow on a loaded machine.
  }, 300_000);

  it("prints each span's notices (shortened tags, tags beyond 20) and what was left out, in the dry run and the import", async () => {
    const { workspace, admin } = await makeWorkspace();
    const dir = mkdtempSync(path.join(tmpdir(), "claimtrail-ann-"));
    const text = "Label studio article about the harbour budget.";
    const long = "T".repeat(60);
    const labels = [long, ...Array.from({ length: 30 }, (_, i) => `tag${i + 1}`)];
    const tasks = [
      { id: 1, data: { text }, annotations: [{ result: [{ type: "labels", value: { start: 0, end: 12, text: "Label studio", labels } }, { type: "labels" }] }] },
      { id: 2, data: { image: "http://x.example/y.png" }, annotations: [{ result: [{ type: "labels", value: { start: 0, end: 4, labels: ["X"] } }] }] },
    ];
    const file = path.join(dir, "ls.json");
    writeFileSync(file, JSON.stringify(tasks));
    for (const dryRun of [true, false]) {
      const out = await cli("import-annotations", "--workspace", workspace.slug, "--email", admin.email, file, ...(dryRun ? ["--dry-run"] : []));
      expect(out, out.stderr).toMatchObject({ code: 0, stderr: "" });
      const lines = out.stdout.split("\n");
      const at = lines.findIndex((l) => /^placed +#1 "Label studio"/.test(l));
      expect(at, out.stdout).toBeGreaterThan(-1);
      expect(lines.slice(at + 1, at + 3)).toEqual([`          note: Tag “${long.slice(0, 40)}…” shortened to 40 characters (it had 60).`, "          note: Only the first 20 of its 31 tags are kept."]);
      expect(out.stdout).toContain("skipped   task 1, result 2: It has no value");
      expect(out.stdout).toContain("skipped   task 2: It has no text, only data.image");
    }
    const [row] = await db.annotation.findMany({ where: { workspaceId: workspace.id }, select: { tags: true } });
    expect(row.tags).toHaveLength(20);
    // The image task is never made an article.
    expect(await db.article.findMany({ where: { workspaceId: workspace.id }, select: { text: true } })).toEqual([{ text }]);
  }, 300_000);
});
