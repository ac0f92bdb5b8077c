import { execFile } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeMember, makeWorkspace } from "@/lib/testing/fixtures";
import { JSON_LD_PAGE } from "@/lib/testing/news-pages";
import { startPageServer, type PageServer } from "@/lib/testing/page-server";

const CLI = path.resolve("scripts", "cli.ts");
let site: PageServer;

beforeAll(async () => {
  site = await startPageServer({ "/news": { body: JSON_LD_PAGE } });
});
afterAll(() => site.close());

/** `tsx scripts/cli.ts …` as its own process, against this run's database, allowed to fetch from the loopback site only. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", CLI, ...args], { env: { ...process.env, IMPORT_ALLOW_HOSTS: site.host } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// Each run starts a process that loads the app's code: tens of seconds on a loaded machine.
const SLOW = 300_000;

describe("cli import-url", () => {
  it("imports each address on its own line, reports failures by kind, and exits non-zero when one failed", async () => {
    const { workspace, admin } = await makeWorkspace();
    const run = await cli("import-url", "--workspace", workspace.slug, `${site.origin}/news`, `${site.origin}/missing`, "http://169.254.169.254/", "x".repeat(2001));
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(`created   ${site.origin}/news — "Harbour bridge to close for 18 months"`);
    expect(lines[1]).toMatch(/^failed +\S+\/missing — not-found: There is no page/);
    expect(lines[2]).toMatch(/^failed +http:\/\/169\.254\.169\.254\/ — refused-address: /);
    // A metadata address is never a page: no hint to allow it (a black-box tester's finding).
    expect(lines[2]).toContain("link-local");
    expect(lines[2]).not.toContain("IMPORT_ALLOW_HOSTS");
    expect(lines[3]).toMatch(/^failed +x+ — Keep the address under 2,000 characters\.$/);
    expect(lines.at(-1)).toBe(`Imported into ${workspace.slug}: 1 created, 0 duplicate, 3 failed.`);
    expect(run.stderr).toBe("Error: 3 imports failed (see above).\n");
    expect(await db.article.findFirst({ where: { workspaceId: workspace.id } })).toMatchObject({ createdById: admin.id, originalUrl: `${site.origin}/news` });

    const again = await cli("import-url", "--workspace", workspace.slug, `${site.origin}/news`);
    expect(again).toMatchObject({ code: 0, stderr: "" });
    expect(again.stdout).toContain(`duplicate ${site.origin}/news — already imported as "Harbour bridge to close for 18 months"`);
  }, SLOW);

  it("acts as the member given, who must be allowed to add articles", async () => {
    const { workspace } = await makeWorkspace();
    const { user } = await makeMember(workspace.id, "viewer");
    const run = await cli("import-url", "--workspace", workspace.slug, "--email", user.email, `${site.origin}/news`);
    expect(run).toMatchObject({ code: 1, stdout: "", stderr: expect.stringMatching(/^Error: You don't have permission/) });
    expect(await cli("import-url", "--workspace", workspace.slug)).toMatchObject({ code: 2, stderr: "Error: Give one or more web addresses to import.\n" });
  }, SLOW);
});
