import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { canonicalText, contentHash, type DocNode } from "@/lib/articles/document";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/test-database";
import { DEMO_ARTICLES } from "./articles";
import { DEMO_EMAIL, DEMO_REVIEWER_EMAIL, DEMO_WORKSPACE_SLUG, describeSeed, seedDemo, type SeedResult } from "./seed";

describe("seedDemo", () => {
  it("creates the demo account, workspace and articles once; the second call does nothing", async () => {
    // The demo slug is global to the database: start from no demo workspace whatever ran before.
    await db.workspace.deleteMany({ where: { slug: DEMO_WORKSPACE_SLUG } });

    const result = await seedDemo();
    expect(result).toMatchObject({ created: true, email: DEMO_EMAIL, workspaceSlug: DEMO_WORKSPACE_SLUG });
    if (!result.created) throw new Error("unreachable");
    const printed = describeSeed(result, "http://localhost:3000/signin");
    expect(printed).toContain(`Password:  ${result.password}`);
    expect(printed).toContain(`Email:     ${DEMO_EMAIL}`);
    expect(printed).toContain("http://localhost:3000/signin");
    expect(printed).toContain(`npm run cli -- reset-password ${DEMO_EMAIL}`);

    const user = await db.user.findUniqueOrThrow({ where: { email: DEMO_EMAIL } });
    expect(await verifyPassword(user.passwordHash, result.password)).toBe(true);

    const workspace = await db.workspace.findUniqueOrThrow({
      where: { slug: DEMO_WORKSPACE_SLUG },
      include: { memberships: true, articles: { orderBy: { publishedAt: "asc" } } },
    });
    const reviewer = await db.user.findUniqueOrThrow({ where: { email: DEMO_REVIEWER_EMAIL } });
    expect(workspace.memberships.map((m) => ({ userId: m.userId, role: m.role })).sort((a, b) => a.role.localeCompare(b.role))).toEqual([
      { userId: user.id, role: "admin" },
      { userId: reviewer.id, role: "reviewer" },
    ]);
    expect(workspace.articles).toHaveLength(3);
    expect(DEMO_ARTICLES).toHaveLength(3);
    for (const article of workspace.articles) {
      const text = canonicalText(article.doc as unknown as DocNode);
      expect(article.text).toBe(text);
      expect(article.contentHash).toBe(contentHash(text));
      expect(article.createdById).toBe(user.id);
      const source = DEMO_ARTICLES.find((a) => a.title === article.title);
      expect(source).toBeDefined();
      expect(article.text).toBe(source!.paragraphs.join("\n\n"));
    }

    const again = await seedDemo();
    expect(again).toEqual({ created: false, reason: expect.any(String) });
    expect(describeSeed(again, "http://localhost:3000/signin")).toMatch(/skipped/);
    expect(await db.article.count({ where: { workspaceId: workspace.id } })).toBe(3);
    expect(await db.claim.count({ where: { workspaceId: workspace.id } })).toBe(5);
    expect(await db.user.count({ where: { email: { in: [DEMO_EMAIL, DEMO_REVIEWER_EMAIL] } } })).toBe(2);
  });

  it("the demo holds a finished fact-check, made through the use cases: every review state, a claim across all three articles, sources, verdicts", async () => {
    await db.workspace.deleteMany({ where: { slug: DEMO_WORKSPACE_SLUG } });
    expect((await seedDemo()).created).toBe(true);
    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACE_SLUG } });
    const editor = await db.user.findUniqueOrThrow({ where: { email: DEMO_EMAIL } });
    const reviewer = await db.user.findUniqueOrThrow({ where: { email: DEMO_REVIEWER_EMAIL } });
    const claims = await db.claim.findMany({
      where: { workspaceId: workspace.id },
      orderBy: { createdAt: "asc" },
      include: {
        mentions: { where: { deletedAt: null }, select: { articleId: true, exact: true } },
        sources: { select: { title: true, stance: true, kind: true } },
        relationsFrom: { select: { type: true, toId: true } },
        comments: { select: { authorId: true, bodyText: true } },
      },
    });
    // The claims' history is the workspace's change feed, written by the same use cases, numbered at commit.
    const feed = await db.change.findMany({ where: { workspaceId: workspace.id }, orderBy: { seq: "asc" }, select: { seq: true, claimId: true, kind: true, actorId: true, data: true } });
    expect(feed.map((f) => Number(f.seq))).toEqual(feed.map((_, i) => i + 1));
    const eventsOf = (claimId: string) => feed.filter((f) => f.claimId === claimId);
    const byStatement = (start: string) => {
      const found = claims.find((c) => c.statement.startsWith(start));
      if (!found) throw new Error(`No demo claim "${start}…"`);
      return found;
    };
    expect(claims.map((c) => [c.reviewState, c.verdict])).toEqual([
      ["approved", "mostly-true"],
      ["approved", "true"],
      ["in-review", "false"],
      ["unreviewed", "mostly-false"],
      ["unreviewed", null],
    ]);

    // Approvals are the reviewer's, a second person; they need a verdict, an explanation and a source.
    for (const c of claims.filter((c) => c.reviewState === "approved")) {
      expect(c.approvedById).toBe(reviewer.id);
      expect(c.explanationText.length).toBeGreaterThan(20);
      expect(c.sources.length).toBeGreaterThan(0);
      expect(eventsOf(c.id).map((e) => e.kind)).toEqual(expect.arrayContaining(["claim.created", "claim.verdict", "claim.source-added", "claim.review-state"]));
    }
    // The cost claim is mentioned in all three articles, each mention quoting its own words.
    const cost = byStatement("The bridge repairs will cost");
    expect(new Set(cost.mentions.map((m) => m.articleId)).size).toBe(3);
    expect(cost.mentions.map((m) => m.exact).sort()).toEqual(["The council has put the cost of the repairs at €12 million", "The repairs are expected to cost €12 million", "the works will cost twelve million euros"]);
    expect(cost.sources.map((s) => s.kind).sort()).toEqual(["official-statement", "primary-document"]);
    // The traders' count contradicts the council's.
    const traffic = byStatement("The Kessel Street bridge carries");
    expect(byStatement("Only around 25,000").relationsFrom).toEqual([{ type: "contradicts", toId: traffic.id }]);
    // Sent back with the reviewer's note, which also joined the comments.
    const safe = byStatement("The Kessel Street bridge has been perfectly safe");
    const sentBack = eventsOf(safe.id).filter((e) => e.kind === "claim.review-state").at(-1)!;
    expect(sentBack).toMatchObject({ actorId: reviewer.id, data: { from: "in-review", to: "unreviewed" } });
    expect(safe.comments).toEqual([{ authorId: reviewer.id, bodyText: expect.stringMatching(/inspection report/) }]);
    // The next step is the newcomer's: unreviewed, assigned to the demo account, two mentions.
    const corrosion = byStatement("Inspectors found corrosion");
    expect(corrosion).toMatchObject({ assigneeId: editor.id, reviewState: "unreviewed", verdict: null });
    expect(corrosion.mentions).toHaveLength(2);
    // Every highlight marks its own words in its article; one of them is not a claim.
    const annotations = await db.annotation.findMany({ where: { workspaceId: workspace.id }, select: { exact: true, start: true, end: true, claimId: true, note: true, article: { select: { text: true } } } });
    for (const a of annotations) expect(a.article.text.slice(a.start!, a.end!)).toBe(a.exact);
    expect(annotations.filter((a) => !a.claimId)).toEqual([expect.objectContaining({ note: expect.stringMatching(/ferry operator/) })]);
    // Readers hear of the claims in the articles: each article's highlights are in the change feed.
    expect(new Set((await db.change.findMany({ where: { workspaceId: workspace.id, articleId: { not: null } }, select: { articleId: true } })).map((c) => c.articleId)).size).toBe(3);
  });

  it("a failure while writing the fact-check leaves no half-made demo behind", async () => {
    await db.workspace.deleteMany({ where: { slug: DEMO_WORKSPACE_SLUG } });
    // Midway through: the traders' article lacks the words the fourth highlight needs (two claims are written by then).
    const original = DEMO_ARTICLES[1].paragraphs[1];
    DEMO_ARTICLES[1].paragraphs[1] = "A paragraph without the traders' figure.";
    try {
      await expect(seedDemo()).rejects.toThrow(/is not in/);
    } finally {
      DEMO_ARTICLES[1].paragraphs[1] = original;
    }
    expect(await db.workspace.count({ where: { slug: DEMO_WORKSPACE_SLUG } })).toBe(0);
    expect((await seedDemo()).created).toBe(true);
  });
});

describe("seeding concurrently", () => {
  it("two seeds at once: one creates the demo, the other finds it; neither fails", async () => {
    await db.workspace.deleteMany({ where: { slug: DEMO_WORKSPACE_SLUG } });
    const results = await Promise.allSettled([seedDemo(), seedDemo()]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    const values = results.map((r) => (r as PromiseFulfilledResult<SeedResult>).value);
    expect(values.filter((v) => v.created)).toHaveLength(1);
    expect(values.find((v) => !v.created)).toEqual({ created: false, reason: "The demo workspace already exists." });
    expect(await db.workspace.count({ where: { slug: DEMO_WORKSPACE_SLUG } })).toBe(1);
  });

  // Two `npm start` on an empty database: two processes, each with its own connections.
  it.skipIf(!process.env.TEST_SERVER_URL)("two processes seeding an empty database at once: one demo, both exit cleanly", async () => {
    const database = await createTestDatabase(process.env.TEST_SERVER_URL);
    try {
      const script = `import { seedDemoIfEmpty } from "./lib/demo/seed"; import { db } from "./lib/db/client";
        seedDemoIfEmpty().then(async (r) => { console.log(JSON.stringify({ created: r.created })); await db.$disconnect(); }, (e) => { console.error(e); process.exit(1); });`;
      const run = () =>
        new Promise<{ code: number | null; out: string }>((resolve) => {
          // process.execPath: the Node this suite runs on (CI runs it on 20 and 24).
          const child = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "--eval", script], { env: { ...process.env, DATABASE_URL: database.url }, stdio: ["ignore", "pipe", "inherit"] });
          let out = "";
          child.stdout.on("data", (d: Buffer) => (out += d.toString()));
          child.on("exit", (code) => resolve({ code, out }));
        });
      const [a, b] = await Promise.all([run(), run()]);
      expect([a.code, b.code]).toEqual([0, 0]);
      expect([a.out, b.out].map((o) => JSON.parse(o.trim()).created).sort()).toEqual([false, true]);
      const check = new pg.Client({ connectionString: database.url });
      await check.connect();
      try {
        const { rows } = await check.query(`SELECT (SELECT count(*) FROM "Workspace")::int AS workspaces, (SELECT count(*) FROM "User")::int AS users, (SELECT count(*) FROM "Article")::int AS articles, (SELECT count(*) FROM "Claim")::int AS claims`);
        expect(rows[0]).toEqual({ workspaces: 1, users: 2, articles: DEMO_ARTICLES.length, claims: 5 });
      } finally {
        await check.end();
      }
    } finally {
      await database.drop();
    }
  });
});
