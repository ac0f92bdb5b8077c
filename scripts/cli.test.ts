import { execFile } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifyPassword } from "@/lib/auth/password";
import { makeUser, makeWorkspace, unique, uniqueEmail } from "@/lib/testing/fixtures";

const CLI = path.resolve("scripts", "cli.ts");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the admin CLI as its own process against this run's database. */
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", CLI, ...args],
      { env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL } },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("admin CLI", () => {
  it("user:create creates an account (email lower-cased) with the given password", async () => {
    const email = uniqueEmail("cli");
    const run = await cli("user:create", "--email", email.toUpperCase(), "--name", "Cli Person", "--password", "cli password 123");
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe(`Created user ${email} (Cli Person)\n`);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await verifyPassword(user.passwordHash, "cli password 123")).toBe(true);
  });

  it("user:create without --password generates one, prints it once, and it works", async () => {
    const email = uniqueEmail("gen");
    const run = await cli("user:create", "--email", email, "--name", "Generated");
    expect(run.code).toBe(0);
    const password = /^Password: (\S+)$/m.exec(run.stdout)?.[1];
    expect(password).toBeDefined();
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await verifyPassword(user.passwordHash, password!)).toBe(true);
  });

  it("workspace:create makes the owner its admin; member:add adds a user with a role", async () => {
    const owner = await makeUser();
    const member = await makeUser();
    const name = `Cli Desk ${unique("n")}`;
    const created = await cli("workspace:create", "--name", name, "--owner", owner.email);
    expect(created.code).toBe(0);
    const slug = /at \/w\/(\S+) with/.exec(created.stdout)?.[1];
    expect(created.stdout).toMatch(new RegExp(`^Created workspace "${name}" at /w/\\S+ with ${owner.email} as admin\\n$`));
    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug }, include: { memberships: true } });
    expect(workspace.memberships.map((m) => [m.userId, m.role])).toEqual([[owner.id, "admin"]]);

    const added = await cli("member:add", "--workspace", slug!, "--email", member.email, "--role", "reviewer");
    expect(added).toMatchObject({ code: 0, stdout: `Added ${member.email} to ${slug} as reviewer\n` });
    expect(await db.membership.findFirst({ where: { workspaceId: workspace.id, userId: member.id }, select: { role: true } })).toEqual({
      role: "reviewer",
    });

    const again = await cli("member:add", "--workspace", slug!, "--email", member.email, "--role", "viewer");
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already a member/);
  });

  it("bad input exits non-zero with a clear message on stderr and writes nothing", async () => {
    const { workspace } = await makeWorkspace();
    const user = await makeUser();
    const ghost = uniqueEmail("ghost");
    const [noEmail, noWorkspace, shortPassword, badRole, unknownUser, unknownOwner, duplicate] = await Promise.all([
      cli("user:create", "--name", "No Email", "--password", "long enough password"),
      cli("member:add", "--email", user.email, "--role", "viewer"),
      cli("user:create", "--email", uniqueEmail(), "--name", "Short", "--password", "short"),
      cli("member:add", "--workspace", workspace.slug, "--email", user.email, "--role", "emperor"),
      cli("member:add", "--workspace", workspace.slug, "--email", ghost, "--role", "viewer"),
      cli("workspace:create", "--name", "Nobody's Desk", "--owner", ghost),
      cli("user:create", "--email", user.email.toUpperCase(), "--name", "Dup", "--password", "long enough password"),
    ]);

    expect(noEmail.code).toBe(2);
    expect(noEmail.stderr).toMatch(/--email: Enter your email address\./);
    expect(noWorkspace.code).toBe(2);
    expect(noWorkspace.stderr).toMatch(/--workspace: Give the workspace's address \(slug\)\./);
    expect(shortPassword.code).toBe(2);
    expect(shortPassword.stderr).toMatch(/--password: Use at least 10 characters\./);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/--role: Use one of: admin, reviewer, annotator, viewer\./);
    expect(unknownUser.code).toBe(1);
    expect(unknownUser.stderr).toContain(`No user with the email ${ghost}`);
    expect(unknownOwner.code).toBe(2);
    expect(unknownOwner.stderr).toContain(`No user with the email ${ghost}. Create it first with user:create.`);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/already exists/);
    for (const run of [noEmail, noWorkspace, shortPassword, badRole, unknownUser, unknownOwner, duplicate]) {
      expect(run.stdout).toBe("");
      expect(run.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    }
    expect(await db.membership.count({ where: { workspaceId: workspace.id } })).toBe(1);
  });

  it("an unknown command or option exits 2 with the usage; help exits 0", async () => {
    const [unknown, badFlag, nothing, help] = await Promise.all([
      cli("user:delete", "--email", "x@example.test"),
      cli("user:create", "--emial", "x@example.test"),
      cli(),
      cli("help"),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^Unknown command: user:delete\n\nUsage: /);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/emial/);
    expect(badFlag.stderr).toContain("Usage: ");
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/^Usage: /);
    expect(help.code).toBe(0);
    expect(help.stderr).toMatch(/user:create.*workspace:create.*member:add/s);
  });
});
