import { describe, expect, it } from "vitest";
import { canonicalText, contentHash, type DocNode } from "@/lib/articles/document";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { DEMO_ARTICLES } from "./articles";
import { DEMO_EMAIL, DEMO_WORKSPACE_SLUG, describeSeed, seedDemo } from "./seed";

describe("seedDemo", () => {
  it("creates the demo account, workspace and articles once; the second call does nothing", async () => {
    // The demo slug is global to the database: start from no demo workspace whatever ran before.
    await db.workspace.deleteMany({ where: { slug: DEMO_WORKSPACE_SLUG } });

    const result = await seedDemo();
    expect(result).toMatchObject({ created: true, email: DEMO_EMAIL, workspaceSlug: DEMO_WORKSPACE_SLUG });
    if (!result.created) throw new Error("unreachable");
    expect(describeSeed(result)).toContain(result.password);

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
    expect(describeSeed(again)).toMatch(/skipped/);
    expect(await db.article.count({ where: { workspaceId: workspace.id } })).toBe(3);
    expect(await db.user.count({ where: { email: DEMO_EMAIL } })).toBe(1);
  });
});
