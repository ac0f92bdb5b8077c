import { randomBytes } from "node:crypto";
import { recordChanges } from "@/lib/changes";
import { db, type Prisma } from "@/lib/db/client";
import { createArticleIn } from "@/lib/articles/create-article";
import { docFromParagraphs } from "@/lib/articles/document";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_ARTICLES } from "./articles";
import { DEMO_EMAIL, DEMO_REVIEWER_EMAIL, DEMO_WORKSPACE_SLUG } from "./constants";
import { writeDemoFactCheck } from "./fact-check";
import { demoSignInBox } from "./sign-in-box";

export { DEMO_EMAIL, DEMO_REVIEWER_EMAIL, DEMO_WORKSPACE_SLUG };

export type SeedResult = { created: true; email: string; password: string; workspaceSlug: string } | { created: false; reason: string };

/**
 * Creates the demo account, workspace and articles in one transaction, unless
 * the demo workspace exists (or, with `onlyIfEmpty`, unless anyone has an
 * account). Instances started together on an empty database all get here: an
 * advisory lock held by the transaction makes the others wait and then find
 * the demo there, instead of failing on its unique slug.
 *
 * Then the one that created it writes the finished fact-check (lib/demo/fact-check.ts)
 * through the app's use cases. Those run their own transactions, so they
 * can't run inside the locked one (on the embedded database, which has one
 * backend, they would wait for it forever); the workspace row, committed
 * under the lock, is what makes this seed the only writer. Should writing the
 * fact-check fail, the workspace goes again (with everything in it), so a
 * half-made demo is never left behind and the next `npm run db:seed` starts over.
 */
export async function seedDemo(opts: { onlyIfEmpty?: boolean } = {}): Promise<SeedResult> {
  // Cheap checks first, so the usual start (demo long there) takes no lock and hashes nothing.
  const skip = await whySkip(db, opts);
  if (skip) return { created: false, reason: skip };
  const password = randomBytes(9).toString("base64url");
  const [passwordHash, reviewerHash] = await Promise.all([hashPassword(password), hashPassword(randomBytes(24).toString("base64url"))]);
  type Made = { skip: string } | { userId: string; reviewerId: string; workspace: { id: string; slug: string; name: string } };
  const created = await db.$transaction(
    async (tx): Promise<Made> => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('claimtrail.demo-seed'))`;
      const skipNow = await whySkip(tx, opts);
      if (skipNow) return { skip: skipNow };
      const user = await tx.user.upsert({
        where: { email: DEMO_EMAIL },
        update: { passwordHash },
        create: { email: DEMO_EMAIL, name: "Demo Editor", passwordHash },
      });
      const reviewer = await tx.user.upsert({
        where: { email: DEMO_REVIEWER_EMAIL },
        update: {},
        create: { email: DEMO_REVIEWER_EMAIL, name: "Rosa Lindgren (demo reviewer)", passwordHash: reviewerHash },
      });
      const workspace = await tx.workspace.create({ data: { slug: DEMO_WORKSPACE_SLUG, name: "Demo newsroom" } });
      await tx.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "admin" } });
      await tx.membership.create({ data: { workspaceId: workspace.id, userId: reviewer.id, role: "reviewer" } });
      await recordChanges(
        tx,
        [
          { user, role: "admin" },
          { user: reviewer, role: "reviewer" },
        ].map(({ user: u, role }) => ({ kind: "member.joined", workspaceId: workspace.id, actorId: null, subjectId: u.id, data: { user: { id: u.id, name: u.name }, role, via: "demo" } })),
      );
      for (const article of DEMO_ARTICLES) {
        await createArticleIn(tx, {
          workspaceId: workspace.id,
          actorId: user.id,
          via: "demo",
          doc: docFromParagraphs(article.paragraphs),
          metadata: { title: article.title, publisher: article.publisher, author: article.author, publishedAt: new Date(article.publishedAt), language: "en", tags: ["demo"] },
        });
      }
      return { userId: user.id, reviewerId: reviewer.id, workspace };
    },
    // The others wait for the lock while the first one writes.
    { maxWait: 30_000, timeout: 60_000 },
  );
  if ("skip" in created) return { created: false, reason: created.skip };
  const { workspace } = created;
  try {
    const articles = await db.article.findMany({ where: { workspaceId: workspace.id }, select: { id: true, title: true, text: true, revision: true } });
    const as = (userId: string, role: "admin" | "reviewer") => ({ userId, role, workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name } });
    await writeDemoFactCheck({ editor: as(created.userId, "admin"), reviewer: as(created.reviewerId, "reviewer") }, articles);
  } catch (err) {
    await db.workspace.delete({ where: { id: workspace.id } }).catch(() => undefined);
    throw err;
  }
  return { created: true, email: DEMO_EMAIL, password, workspaceSlug: DEMO_WORKSPACE_SLUG };
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

/** What `npm run db:seed` prints; `url` is where people sign in. */
export function describeSeed(result: SeedResult, url: string): string {
  if (!result.created) return `Demo data: skipped. ${result.reason}`;
  return demoSignInBox({ headline: "Demo workspace created. Sign in with:", url, email: result.email, password: result.password });
}
