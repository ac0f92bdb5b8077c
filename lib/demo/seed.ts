import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { createArticleIn } from "@/lib/articles/create-article";
import { docFromParagraphs } from "@/lib/articles/document";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_ARTICLES } from "./articles";

export const DEMO_EMAIL = "demo@claimtrail.local";
export const DEMO_WORKSPACE_SLUG = "demo-newsroom";

export type SeedResult = { created: true; email: string; password: string; workspaceSlug: string } | { created: false; reason: string };

/** Creates the demo account, workspace and articles in one transaction, unless the demo workspace exists. */
export async function seedDemo(): Promise<SeedResult> {
  const existing = await db.workspace.findUnique({ where: { slug: DEMO_WORKSPACE_SLUG }, select: { id: true } });
  if (existing) return { created: false, reason: "The demo workspace already exists." };
  const password = randomBytes(9).toString("base64url");
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where: { email: DEMO_EMAIL },
      update: { passwordHash },
      create: { email: DEMO_EMAIL, name: "Demo Editor", passwordHash },
    });
    const workspace = await tx.workspace.create({ data: { slug: DEMO_WORKSPACE_SLUG, name: "Demo newsroom" } });
    await tx.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "admin" } });
    for (const article of DEMO_ARTICLES) {
      await createArticleIn(tx, {
        workspaceId: workspace.id,
        actorId: user.id,
        doc: docFromParagraphs(article.paragraphs),
        metadata: { title: article.title, publisher: article.publisher, author: article.author, publishedAt: new Date(article.publishedAt), language: "en", tags: ["demo"] },
      });
    }
  });
  return { created: true, email: DEMO_EMAIL, password, workspaceSlug: DEMO_WORKSPACE_SLUG };
}

/** On first start only: an empty database (no users at all) gets the demo. */
export async function seedDemoIfEmpty(): Promise<SeedResult> {
  if ((await db.user.count()) > 0) return { created: false, reason: "The database already has users." };
  return seedDemo();
}

export function describeSeed(result: SeedResult): string {
  if (!result.created) return `Demo data: skipped. ${result.reason}`;
  return [
    "",
    "  Demo workspace created. Sign in with:",
    `    email:    ${result.email}`,
    `    password: ${result.password}`,
    "  (shown only this once: note it now)",
    "",
  ].join("\n");
}
