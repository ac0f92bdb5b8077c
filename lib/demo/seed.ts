import { randomBytes } from "node:crypto";
import { db, type Prisma } from "@/lib/db/client";
import { createArticleIn } from "@/lib/articles/create-article";
import { docFromParagraphs } from "@/lib/articles/document";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_ARTICLES } from "./articles";

export const DEMO_EMAIL = "demo@claimtrail.local";
export const DEMO_WORKSPACE_SLUG = "demo-newsroom";

export type SeedResult = { created: true; email: string; password: string; workspaceSlug: string } | { created: false; reason: string };

/**
 * Creates the demo account, workspace and articles in one transaction, unless
 * the demo workspace exists (or, with `onlyIfEmpty`, unless anyone has an
 * account). Instances started together on an empty database all get here: an
 * advisory lock held by the transaction makes the others wait and then find
 * the demo there, instead of failing on its unique slug.
 */
export async function seedDemo(opts: { onlyIfEmpty?: boolean } = {}): Promise<SeedResult> {
  // Cheap checks first, so the usual start (demo long there) takes no lock and hashes nothing.
  const skip = await whySkip(db, opts);
  if (skip) return { created: false, reason: skip };
  const password = randomBytes(9).toString("base64url");
  const passwordHash = await hashPassword(password);
  return db.$transaction(
    async (tx): Promise<SeedResult> => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('claimtrail.demo-seed'))`;
      const skipNow = await whySkip(tx, opts);
      if (skipNow) return { created: false, reason: skipNow };
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
      return { created: true, email: DEMO_EMAIL, password, workspaceSlug: DEMO_WORKSPACE_SLUG };
    },
    // The others wait for the lock while the first one writes.
    { maxWait: 30_000, timeout: 60_000 },
  );
}

async function whySkip(client: Prisma.TransactionClient, opts: { onlyIfEmpty?: boolean }): Promise<string | null> {
  if (opts.onlyIfEmpty && (await client.user.count()) > 0) return "The database already has users.";
  const existing = await client.workspace.findUnique({ where: { slug: DEMO_WORKSPACE_SLUG }, select: { id: true } });
  return existing ? "The demo workspace already exists." : null;
}

/** On first start only: an empty database (no users at all) gets the demo. */
export async function seedDemoIfEmpty(): Promise<SeedResult> {
  return seedDemo({ onlyIfEmpty: true });
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
