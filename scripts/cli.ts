import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { fieldErrors } from "@/lib/http/problem";
import { ROLES } from "@/lib/auth/roles";
import { emailSchema } from "@/lib/users/email";
import { createUser, newUserSchema } from "@/lib/users/create-user";
import { generatePassword, resetPassword, resetPasswordSchema } from "@/lib/users/reset-password";
import { createWorkspace, workspaceNameSchema } from "@/lib/workspaces/create-workspace";
import { addMember } from "@/lib/members/add-member";
import { importPaths } from "@/lib/articles/import";
import { importUrl, urlImportSchema } from "@/lib/articles/import-url";
import { UrlImportError } from "@/lib/articles/import/fetch-url";
import { authorize } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { createApiToken, newTokenSchema } from "@/lib/api-v1/tokens";
import { applyChecked, checkBundleStream, planImport, streamReader, type BundleIssue, type ImportStep } from "@/lib/bundle-import";
import { issueLines, planLines } from "@/lib/bundle-import/report";
import { importAnnotations, type ImportReport } from "@/lib/annotation-import/import-annotations";
import { describeResult } from "@/lib/annotation-import/describe";
import { withMigratedDatabase } from "./lib/database";

/** Admin CLI for self-hosters: `npm run cli -- <command> [--flags]`. */
const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  user:create --email E --name N [--password P]   Create an account (a password is generated and printed when omitted)
  workspace:create --name W --owner E             Create a workspace with E as its admin
  member:add --workspace SLUG --email E --role R  Add an existing user to a workspace (R: ${ROLES.join(", ")})
  import --workspace SLUG PATH…                   Import articles from .txt, .md, .html, .pdf, .docx and .json files, or folders of them
  import-url --workspace SLUG [--email E] URL…    Import web pages by address (as member E; default: the workspace's first admin)
  token:create --email E --workspace SLUG [--name N]  Create a personal API token for /api/v1 (printed once)
  import-bundle --workspace SLUG FILE [--dry-run]  Import a Claimtrail bundle (checked first; applied in one transaction)
  import-annotations --workspace SLUG --email E FILE [--article ID] [--dry-run]
                                                  Import W3C, Hypothesis, Label Studio or doccano annotations as highlights
                                                  made by member E (each span reported placed / moved / orphaned)
  reset-password EMAIL [--stdin]                  Set a new password and sign the account out everywhere (a strong one is
                                                  generated and printed once; --stdin reads it from standard input instead)
`;

class UsageError extends Error {}

function parse<S extends z.ZodType>(schema: S, values: unknown): z.infer<S> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const lines = Object.entries(fieldErrors(parsed.error)).map(([field, message]) => `  --${field}: ${message}`);
    throw new UsageError(`Invalid options:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** The password piped in (`--stdin`): everything read, less the one line break `echo` or a file adds. */
async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError("--stdin reads the password from standard input: pipe it in (e.g. from a password manager's CLI).");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

/** What the CLI says as an import's writing reaches each step. */
const IMPORT_STEP_LINES: Record<ImportStep, string> = {
  articles: "writing articles…",
  annotations: "writing highlights…",
  claims: "writing claims…",
  sources: "writing sources…",
  relations: "writing links between claims…",
  events: "writing claims' history…",
  comments: "writing comments…",
  links: "linking highlights to their claims…",
  derived: "updating search data and counts (the longest step)…",
};

const COMMANDS: Record<string, (values: Record<string, string | undefined>, positionals: string[]) => Promise<string>> = {
  async "user:create"(values) {
    const generated = values.password ? null : randomBytes(12).toString("base64url");
    const input = parse(newUserSchema, { ...values, password: values.password ?? generated });
    const user = await createUser(input);
    return `Created user ${user.email} (${user.name})${generated ? `\nPassword: ${generated}` : ""}`;
  },
  async "workspace:create"(values) {
    const input = parse(z.object({ name: workspaceNameSchema, owner: emailSchema }), values);
    const owner = await db.user.findUnique({ where: { email: input.owner }, select: { id: true } });
    if (!owner) throw new UsageError(`No user with the email ${input.owner}. Create it first with user:create.`);
    const workspace = await createWorkspace({ name: input.name, ownerId: owner.id });
    return `Created workspace "${workspace.name}" at /w/${workspace.slug} with ${input.owner} as admin`;
  },
  async "member:add"(values) {
    const input = parse(z.object({ workspace: z.string({ error: "Give the workspace's address (slug)." }).min(1, "Give the workspace's address (slug)."), email: emailSchema, role: z.enum(ROLES, { error: `Use one of: ${ROLES.join(", ")}.` }) }), values);
    await addMember({ workspaceSlug: input.workspace, email: input.email, role: input.role });
    return `Added ${input.email} to ${input.workspace} as ${input.role}`;
  },
  async import(values, paths) {
    const input = parse(z.object({ workspace: z.string({ error: "Give the workspace's address (slug)." }).min(1, "Give the workspace's address (slug).") }), values);
    if (!paths.length) throw new UsageError("Give one or more files or folders to import.");
    const workspace = await db.workspace.findUnique({ where: { slug: input.workspace }, select: { id: true } });
    if (!workspace) throw new UsageError(`No workspace at /w/${input.workspace}.`);
    const counts = { created: 0, duplicate: 0, failed: 0, skipped: 0 };
    for await (const outcome of importPaths({ workspaceId: workspace.id, actorId: null, paths, via: "cli" })) {
      counts[outcome.status]++;
      const detail = outcome.article ? (outcome.status === "duplicate" ? `already imported as "${outcome.article.title}"` : `"${outcome.article.title}"`) : outcome.reason;
      process.stdout.write(`${outcome.status.padEnd(9)} ${outcome.source} — ${detail}\n`);
    }
    const summary = `Imported into ${input.workspace}: ${counts.created} created, ${counts.duplicate} duplicate, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}.`;
    if (!counts.failed) return summary;
    process.stdout.write(`${summary}\n`);
    throw new DomainError(400, `${counts.failed} ${counts.failed === 1 ? "import" : "imports"} failed (see above).`);
  },
  async "import-url"(values, urls) {
    const input = parse(z.object({ workspace: z.string({ error: "Give the workspace's address (slug)." }).min(1, "Give the workspace's address (slug)."), email: emailSchema.optional() }), values);
    if (!urls.length) throw new UsageError("Give one or more web addresses to import.");
    const workspace = await db.workspace.findUnique({ where: { slug: input.workspace }, select: { id: true } });
    if (!workspace) throw new UsageError(`No workspace at /w/${input.workspace}.`);
    const member = await db.membership.findFirst({
      where: { workspaceId: workspace.id, ...(input.email ? { user: { email: input.email } } : { role: "admin" }) },
      orderBy: { createdAt: "asc" },
      select: { userId: true },
    });
    if (!member) throw new UsageError(input.email ? `${input.email} is not a member of ${input.workspace}.` : `${input.workspace} has no admin.`);
    const access = await authorize(member.userId, input.workspace, "article.create");
    const counts = { created: 0, duplicate: 0, failed: 0 };
    // One page after another, each on its own: a failed one is reported and the rest still come in.
    for (const url of urls) {
      try {
        const parsed = urlImportSchema.safeParse({ url });
        if (!parsed.success) throw new DomainError(400, Object.values(fieldErrors(parsed.error))[0] ?? "Not a web address.");
        const result = await importUrl(access, parsed.data);
        counts[result.status]++;
        process.stdout.write(`${result.status.padEnd(9)} ${url} — ${result.status === "duplicate" ? `already imported as "${result.article.title}"` : `"${result.article.title}"`}\n`);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        counts.failed++;
        process.stdout.write(`${"failed".padEnd(9)} ${url} — ${err instanceof UrlImportError ? `${err.kind}: ` : ""}${err.message}\n`);
      }
    }
    const summary = `Imported into ${input.workspace}: ${counts.created} created, ${counts.duplicate} duplicate, ${counts.failed} failed.`;
    if (!counts.failed) return summary;
    process.stdout.write(`${summary}\n`);
    throw new DomainError(400, `${counts.failed} ${counts.failed === 1 ? "import" : "imports"} failed (see above).`);
  },
  async "import-bundle"(values, [file, ...extra]) {
    const input = parse(z.object({ workspace: z.string({ error: "Give the workspace's address (slug)." }).min(1, "Give the workspace's address (slug).") }), values);
    if (!file || extra.length) throw new UsageError("Give one bundle file.");
    const workspace = await db.workspace.findUnique({ where: { slug: input.workspace }, select: { id: true } });
    if (!workspace) throw new UsageError(`No workspace at /w/${input.workspace}.`);
    const { access: fileAccess, constants } = await import("node:fs/promises");
    const { createReadStream } = await import("node:fs");
    try {
      await fileAccess(file, constants.R_OK);
    } catch (err) {
      throw new UsageError(`Can't read ${file}: ${(err as Error).message}`);
    }
    // Streamed: checked as it is read, then read again to be written; never held whole.
    const source = () => createReadStream(file, { highWaterMark: 256 * 1024 });
    // What it is doing, on stderr: a 100k-claim bundle takes minutes, and said nothing until the end (black-box, session 36).
    const started = performance.now();
    const say = (line: string) => process.stderr.write(`${line}\n`);
    const seconds = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
    say(`Checking ${file}…`);
    let summary;
    try {
      summary = await checkBundleStream(source);
    } catch (err) {
      if (err instanceof DomainError && err.status === 422) {
        const issues = (err.extra.issues ?? []) as BundleIssue[];
        process.stdout.write(`${issueLines(issues).join("\n")}\n`);
        throw new DomainError(422, `${file} is not a bundle that can be imported (${issues.length} problems above).`);
      }
      if (err instanceof DomainError && err.status === 400) throw new UsageError(`Can't read ${file} as a bundle: ${err.message}`);
      throw err;
    }
    const n = (section: keyof typeof summary.counts) => summary.counts[section].toLocaleString("en");
    say(`Checked in ${seconds()}: ${n("articles")} articles, ${n("annotations")} highlights, ${n("claims")} claims, ${n("events")} events.`);
    if (values["dry-run"] === "true") return ["Dry run: nothing was written.", ...planLines((await planImport(db, workspace.id, summary, streamReader(source))).plan, false)].join("\n");
    say("Writing them in one transaction (nothing is kept if it fails):");
    const result = await applyChecked(workspace.id, summary, streamReader(source), { onStep: (step) => say(`  ${IMPORT_STEP_LINES[step]} (${seconds()})`) });
    say(`Done in ${seconds()}.`);
    return [`Imported ${file} into ${input.workspace}.`, ...planLines(result.plan, true)].join("\n");
  },
  async "import-annotations"(values, [file, ...extra]) {
    const input = parse(
      z.object({ workspace: z.string({ error: "Give the workspace's address (slug)." }).min(1, "Give the workspace's address (slug)."), email: emailSchema, article: z.string().min(1).optional() }),
      values,
    );
    if (!file || extra.length) throw new UsageError("Give one annotation file.");
    const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (!user) throw new UsageError(`No user with the email ${input.email}.`);
    const { readFile } = await import("node:fs/promises");
    let content: string;
    try {
      content = new TextDecoder("utf-8", { fatal: true }).decode(await readFile(file));
    } catch (err) {
      throw new UsageError(`Can't read ${file} as UTF-8 text: ${(err as Error).message}`);
    }
    const access = await authorize(user.id, input.workspace, "annotation.create");
    const dryRun = values["dry-run"] === "true";
    const report = await importAnnotations(access, { content, articleId: input.article }, { dryRun });
    return annotationReportLines(report, file).join("\n");
  },
  async "reset-password"(values, [email, ...extra]) {
    if (!email || extra.length) throw new UsageError("Give the account's email: npm run cli -- reset-password EMAIL [--stdin]");
    const fromStdin = values.stdin === "true";
    const password = fromStdin ? await readPasswordFromStdin() : generatePassword();
    const input = parse(resetPasswordSchema.pick({ email: true }), { email });
    const checked = resetPasswordSchema.shape.password.safeParse(password);
    if (!checked.success) throw new UsageError(`The password from standard input: ${checked.error.issues[0].message}`);
    const { endedSessions } = await resetPassword({ email: input.email, password: checked.data });
    const signedOut = `signed it out everywhere (${endedSessions} ${endedSessions === 1 ? "session" : "sessions"} ended)`;
    if (fromStdin) return `Set the password of ${input.email} and ${signedOut}.`;
    return `Set a new password for ${input.email} and ${signedOut}.\nPassword (shown only now): ${password}`;
  },
  async "token:create"(values) {
    const input = parse(newTokenSchema.extend({ email: emailSchema }), { ...values, name: values.name ?? "CLI token" });
    const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (!user) throw new UsageError(`No user with the email ${input.email}.`);
    const token = await createApiToken(user.id, { name: input.name, workspace: input.workspace });
    return `Created token "${token.name}" (${token.prefix}…) for ${input.email} in ${token.workspace.slug}. It acts with that member's current role.\nToken (shown only now): ${token.token}`;
  },
};

/** One line per span, then the totals. */
function annotationReportLines(report: ImportReport, file: string): string[] {
  const short = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 59)}…` : s);
  // Each span's notices (a note or tag shortened, tags beyond 20 left out) under its line, as the API and the dry run in the app give them.
  const lines = report.rows.flatMap((r) => [
    `${r.status.padEnd(9)} #${r.n} ${short(r.quote)}${r.article ? ` → ${r.article.title}` : ""}${r.reason ? ` (${r.reason})` : ""}${r.status === "orphaned" && r.stored ? " [kept as an orphaned highlight]" : ""}`,
    ...r.notices.map((notice) => `          note: ${notice}`),
  ]);
  const { placed, moved, orphaned, duplicate } = report.counts;
  const totals = `${placed} placed, ${moved} moved, ${orphaned} orphaned, ${duplicate} already highlighted; ${report.claims} new claims.`;
  const kept = report.rows.filter((r) => r.status === "orphaned" && r.stored).length;
  const orphans = kept ? ` ${kept} orphaned ${kept === 1 ? "span is" : "spans are"} kept as orphaned highlights (the reader lists them to place by hand).` : "";
  const head = report.dryRun
    ? `Dry run of ${file} (${report.toolName}): nothing was written.${orphans.replace(" is kept", " would be kept").replace(" are kept", " would be kept")}`
    : `Imported ${file} (${report.toolName}): already highlighted spans, and orphans with no article or no words, were left out.${orphans}`;
  const skipped = [...report.skipped.map((s) => `skipped   line ${s.line}: ${s.reason}`), ...report.skippedResults.map((s) => `skipped   ${describeResult(s)}: ${s.reason}`), ...report.skippedTasks.map((s) => `skipped   task ${s.task}: ${s.reason}`)];
  return [head, ...lines, ...skipped, totals];
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const run = command ? COMMANDS[command] : undefined;
  if (!run) {
    process.stderr.write(command && command !== "help" && command !== "--help" ? `Unknown command: ${command}\n\n${USAGE}` : USAGE);
    return command === "help" || command === "--help" ? 0 : 2;
  }
  let values: Record<string, string | undefined>;
  let positionals: string[];
  try {
    const parsed = parseArgs({
      args: rest,
      options: { article: { type: "string" }, email: { type: "string" }, name: { type: "string" }, password: { type: "string" }, owner: { type: "string" }, workspace: { type: "string" }, role: { type: "string" }, "dry-run": { type: "boolean" }, stdin: { type: "boolean" } },
      strict: true,
      allowPositionals: command === "import" || command === "import-url" || command === "import-bundle" || command === "import-annotations" || command === "reset-password",
    });
    values = Object.fromEntries(Object.entries(parsed.values).map(([k, v]) => [k, typeof v === "boolean" ? String(v) : v]));
    positionals = parsed.positionals;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  try {
    const message = await withMigratedDatabase(() => run(values, positionals));
    process.stdout.write(`${message}\n`);
    return 0;
  } catch (err) {
    if (err instanceof UsageError || err instanceof DomainError) {
      process.stderr.write(`Error: ${err.message}\n`);
      return err instanceof UsageError ? 2 : 1;
    }
    process.stderr.write(`Error: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
