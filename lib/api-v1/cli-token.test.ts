import { execFile } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeUser, makeWorkspace } from "@/lib/testing/fixtures";
import { listWorkspaces } from "./endpoints/workspaces";
import { call } from "./testing";

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", path.resolve("scripts", "cli.ts"), ...args], { env: process.env }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("npm run cli -- token:create", () => {
  it("prints a token once that works against /api/v1 with the member's role", async () => {
    const { workspace, admin } = await makeWorkspace();
    const run = await cli("token:create", "--email", admin.email, "--workspace", workspace.slug, "--name", "Nightly export");
    expect(run.code, run.stderr).toBe(0);
    const token = /^Token \(shown only now\): (ct_\S+)$/m.exec(run.stdout)?.[1];
    expect(token).toBeDefined();
    expect(run.stdout).toContain('"Nightly export"');
    const res = await call(listWorkspaces, { token });
    expect(res.body).toMatchObject({ items: [{ slug: workspace.slug, role: "admin" }] });
  });

  it("refuses a workspace the user isn't in, and an unknown email", async () => {
    const { workspace } = await makeWorkspace();
    const outsider = await makeUser();
    expect((await cli("token:create", "--email", outsider.email, "--workspace", workspace.slug)).code).toBe(1);
    const unknown = await cli("token:create", "--email", "nobody-here@example.test", "--workspace", workspace.slug);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/No user/);
  });
});
