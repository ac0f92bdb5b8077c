import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifyPassword } from "@/lib/auth/password";
import { createSession } from "@/lib/auth/sessions";
import { reserveSignInAttempt, settleSignInAttempt, MAX_FAILURES } from "@/lib/auth/throttle";
import { FIXTURE_PASSWORD, makeUser, makeWorkspace, unique, uniqueEmail } from "@/lib/testing/fixtures";
import { importWorld } from "@/lib/bundle-import/import-world";

const CLI = path.resolve("scripts", "cli.ts");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the admin CLI as its own process against this run's database. */
function cli(...args: string[]): Promise<Run> {
  return cliWithInput("", ...args);
}

/** The same, with `input` piped to its standard input (which is then closed). */
function cliWithInput(input: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", CLI, ...args],
      { env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL } },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(input);
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

describe("admin CLI: reset-password", () => {
  const hashOf = (userId: string) => db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } }).then((u) => u.passwordHash);
  const sessionCount = (userId: string) => db.session.count({ where: { userId } });

  /** Locks the account out of sign-in from one address: MAX_FAILURES wrong passwords. */
  async function lockOut(email: string) {
    for (let i = 0; i < MAX_FAILURES; i++) {
      const r = await reserveSignInAttempt(email, "203.0.113.9");
      if (!r.allowed) throw new Error("throttled early");
      await settleSignInAttempt(r.attemptId, false);
    }
    expect((await reserveSignInAttempt(email, "203.0.113.9")).allowed).toBe(false);
  }

  it("generates a strong password, prints it once, ends every session of the account and lifts its sign-in lockout", async () => {
    const user = await makeUser();
    const bystander = await makeUser();
    await Promise.all([createSession(user.id), createSession(user.id), createSession(bystander.id)]);
    await lockOut(user.email);

    const run = await cli("reset-password", user.email.toUpperCase());
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(`Set a new password for ${user.email} and signed it out everywhere (2 sessions ended).`);
    const password = /^Password \(shown only now\): (\S+)$/.exec(lines[1])?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(run.stdout.split(password!)).toHaveLength(2); // printed once

    const hash = await hashOf(user.id);
    expect(await verifyPassword(hash, password!)).toBe(true);
    expect(await verifyPassword(hash, FIXTURE_PASSWORD)).toBe(false);
    expect(await sessionCount(user.id)).toBe(0);
    expect(await sessionCount(bystander.id)).toBe(1);
    expect((await reserveSignInAttempt(user.email, "203.0.113.9")).allowed).toBe(true);

    // Each reset makes a new one.
    const again = await cli("reset-password", user.email);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("(0 sessions ended)");
    expect(/^Password \(shown only now\): (\S+)$/m.exec(again.stdout)?.[1]).not.toBe(password);
  });

  it("--stdin sets the password piped in (less its final line break) and doesn't print it", async () => {
    const user = await makeUser();
    await createSession(user.id);
    const chosen = "a piped-in password with spaces";
    const run = await cliWithInput(`${chosen}\n`, "reset-password", user.email, "--stdin");
    expect(run).toMatchObject({ code: 0, stderr: "", stdout: `Set the password of ${user.email} and signed it out everywhere (1 session ended).\n` });
    expect(await verifyPassword(await hashOf(user.id), chosen)).toBe(true);
    expect(await sessionCount(user.id)).toBe(0);
  });

  it("refuses a short password, an unknown email or no email, with a message and nothing changed", async () => {
    const user = await makeUser();
    await createSession(user.id);
    const before = await hashOf(user.id);
    const ghost = uniqueEmail("ghost");
    const [short, empty, unknown, missing, twoEmails, badEmail] = await Promise.all([
      cliWithInput("short\n", "reset-password", user.email, "--stdin"),
      cliWithInput("", "reset-password", user.email, "--stdin"),
      cli("reset-password", ghost),
      cli("reset-password"),
      cli("reset-password", user.email, ghost),
      cli("reset-password", "not-an-email"),
    ]);
    expect(short.code).toBe(2);
    expect(short.stderr).toBe("Error: The password from standard input: Use at least 10 characters.\n");
    expect(empty.code).toBe(2);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(`Error: No user with the email ${ghost}.\n`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Give the account's email/);
    expect(twoEmails.code).toBe(2);
    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toMatch(/--email: Enter a valid email address\./);
    for (const run of [short, empty, unknown, missing, twoEmails, badEmail]) expect(run.stdout).toBe("");
    expect(await hashOf(user.id)).toBe(before);
    expect(await sessionCount(user.id)).toBe(1);
  });
});

// import-bundle had no test of its own.
describe("admin CLI: import-bundle", () => {
  it("dry-runs, then imports a bundle file; a missing workspace or file and a broken bundle are refused with nothing written", async () => {
    const w = await importWorld();
    const bundle = await w.exportAll(w.admin);
    const dir = await mkdtemp(path.join(tmpdir(), "cli-bundle-"));
    try {
      const file = path.join(dir, "bundle.json");
      await writeFile(file, JSON.stringify(bundle));
      const broken = path.join(dir, "broken.json");
      await writeFile(broken, JSON.stringify({ ...bundle, annotations: [{ ...bundle.annotations[0], articleId: "nowhere" }, ...bundle.annotations.slice(1)] }));
      const { workspace } = await makeWorkspace(w.admin);
      const claimsIn = () => db.claim.count({ where: { workspaceId: workspace.id } });

      const [dry, noWorkspace, noFile, invalid] = await Promise.all([
        cli("import-bundle", "--workspace", workspace.slug, file, "--dry-run"),
        cli("import-bundle", "--workspace", unique("nowhere"), file),
        cli("import-bundle", "--workspace", workspace.slug, path.join(dir, "missing.json")),
        cli("import-bundle", "--workspace", workspace.slug, broken),
      ]);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toMatch(new RegExp(`^Dry run: nothing was written\\.\\nWould create: ${bundle.articles.length} articles, `));
      expect(noWorkspace.code).toBe(2);
      expect(noWorkspace.stderr).toMatch(/^Error: No workspace at \/w\/nowhere/);
      expect(noFile.code).toBe(2);
      expect(noFile.stderr).toMatch(/^Error: Can't read .*missing\.json/);
      expect(invalid.code).toBe(1);
      expect(invalid.stdout).toMatch(/annotations\.0\.articleId/);
      expect(invalid.stderr).toMatch(/is not a bundle that can be imported/);
      expect(await claimsIn()).toBe(0);

      const run = await cli("import-bundle", "--workspace", workspace.slug, file);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Imported .*bundle\\.json into ${workspace.slug}\\.\\nCreated: ${bundle.articles.length} articles, `));
      // What it is doing, step by step, on stderr (a 100k bundle took 9 minutes in silence: black-box, session 36).
      const steps = run.stderr.split("\n").filter(Boolean);
      expect(steps[0]).toMatch(/^Checking .*bundle\.json…$/);
      expect(steps[1]).toMatch(new RegExp(`^Checked in \\d+ s: ${bundle.articles.length} articles, ${bundle.annotations.length} highlights, ${bundle.claims.length} claims, \\d+ events\\.$`));
      expect(steps).toEqual(expect.arrayContaining([expect.stringMatching(/^ {2}writing claims… \(\d+ s\)$/), expect.stringMatching(/^ {2}updating search data and counts \(the longest step\)… \(\d+ s\)$/)]));
      expect(steps.at(-1)).toMatch(/^Done in \d+ s\.$/);
      expect(dry.stderr).toMatch(/^Checking .*\nChecked in \d+ s: /);
      expect(await claimsIn()).toBe(bundle.claims.length);
      expect(await db.article.count({ where: { workspaceId: workspace.id } })).toBe(bundle.articles.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000); // five CLI processes, each starting tsx and Prisma: a minute and more on a loaded machine
});
