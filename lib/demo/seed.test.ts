import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { canonicalText, contentHash, type DocNode } from "@/lib/articles/document";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/test-database";
import { DEMO_ARTICLES } from "./articles";
import { DEMO_EMAIL, DEMO_WORKSPACE_SLUG, describeSeed, seedDemo, type SeedResult } from "./seed";

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
    expect(workspace.memberships.map((m) => ({ userId: m.userId, role: m.role }))).toEqual([{ userId: user.id, role: "admin" }]);
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
    expect(await db.user.count({ where: { email: DEMO_EMAIL } })).toBe(1);
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
        const { rows } = await check.query(`SELECT (SELECT count(*) FROM "Workspace")::int AS workspaces, (SELECT count(*) FROM "User")::int AS users, (SELECT count(*) FROM "Article")::int AS articles`);
        expect(rows[0]).toEqual({ workspaces: 1, users: 1, articles: DEMO_ARTICLES.length });
      } finally {
        await check.end();
      }
    } finally {
      await database.drop();
    }
  });
});
