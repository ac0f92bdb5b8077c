import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { rewriteEventData } from "./event-refs";
import { idFactory, IdMap } from "./ids";
import { planImport, type ImportPlan } from "./plan";
import type { Bundle, BundlePerson } from "./schema";

export interface ImportResult {
  plan: ImportPlan;
  /** Bundle article/claim id → new id (reused articles: the existing id). */
  articles: Record<string, string>;
  claims: Record<string, string>;
}

const CHUNK = 1000;
const date = (s: string | null) => (s === null ? null : new Date(s));
const jsonOrNull = (v: unknown) => (v === null ? Prisma.DbNull : (v as Prisma.InputJsonValue));

/**
 * Writes the bundle into the workspace in one transaction: the plan is made
 * again inside it (so it matches what is written), every row gets a new id,
 * references are rewritten, and timestamps, versions, review states,
 * verdicts and revisions are kept as they are in the bundle. Any failure
 * rolls everything back.
 */
export async function applyImport(workspaceId: string, bundle: Bundle, opts: { timeoutMs?: number } = {}): Promise<ImportResult> {
  return db.$transaction(
    async (tx) => {
      const { plan, users, reused, skipped, labels } = await planImport(tx, workspaceId, bundle);
      const ids = new IdMap(idFactory());
      const people = new Map<string, BundlePerson>(bundle.people.map((p) => [p.id, p]));
      const user = (old: string | null) => (old === null ? null : (users.get(old) ?? null));

      // Allocate in bundle order, section by section, before anything refers to them.
      const articles = bundle.articles.filter((a) => !skipped.has(a.id) && !reused.has(a.id));
      for (const a of articles) ids.add(a.id);
      const annotations = bundle.annotations.filter((a) => !skipped.has(a.articleId));
      for (const section of [annotations, bundle.claims, bundle.sources, bundle.relations, bundle.events, bundle.comments]) for (const row of section) ids.add(row.id);
      const articleId = (old: string) => reused.get(old)?.id ?? ids.get(old);

      const insert = async <T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) => {
        for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
      };

      await insert(articles, (chunk) =>
        tx.article.createMany({
          data: chunk.map((a) => ({
            id: ids.get(a.id),
            workspaceId,
            title: a.title,
            publisher: a.publisher,
            author: a.author,
            url: a.url,
            publishedAt: date(a.publishedAt),
            language: a.language,
            tags: a.tags,
            doc: a.doc as unknown as Prisma.InputJsonObject,
            text: a.text,
            contentHash: a.contentHash,
            revision: a.revision,
            createdById: user(a.createdById),
            createdAt: new Date(a.createdAt),
            updatedAt: new Date(a.updatedAt),
          })),
        }),
      );
      // Without revisions in the bundle, the current text is the one revision kept.
      const revisions = articles.flatMap((a) =>
        (a.revisions ?? [{ number: a.revision, title: a.title, contentHash: a.contentHash, createdById: a.createdById, createdAt: a.updatedAt, doc: a.doc, text: a.text }]).map((v) => ({ articleId: ids.get(a.id), v })),
      );
      const revisionId = idFactory();
      await insert(revisions, (chunk) =>
        tx.articleRevision.createMany({
          data: chunk.map(({ articleId, v }) => ({
            id: revisionId(),
            articleId,
            number: v.number,
            title: v.title,
            doc: v.doc as unknown as Prisma.InputJsonObject,
            text: v.text,
            contentHash: v.contentHash,
            createdById: user(v.createdById),
            createdAt: new Date(v.createdAt),
          })),
        }),
      );

      await insert(bundle.claims, (chunk) =>
        tx.claim.createMany({
          data: chunk.map((c) => ({
            id: ids.get(c.id),
            workspaceId,
            statement: c.statement,
            claimant: c.claimant,
            claimDate: date(c.claimDate),
            reviewState: c.reviewState,
            verdict: c.verdict,
            explanation: jsonOrNull(c.explanation),
            explanationText: c.explanationText,
            tags: c.tags,
            assigneeId: user(c.assigneeId),
            createdById: user(c.createdById),
            approvedById: user(c.approvedById),
            approvedAt: date(c.approvedAt),
            version: c.version,
            createdAt: new Date(c.createdAt),
            updatedAt: new Date(c.updatedAt),
          })),
        }),
      );

      await insert(annotations, (chunk) =>
        tx.annotation.createMany({
          data: chunk.map((a) => {
            const quote = a.selectors.find((s) => s.type === "TextQuoteSelector")!;
            const position = a.selectors.find((s) => s.type === "TextPositionSelector");
            const onto = reused.get(a.articleId);
            return {
              id: ids.get(a.id),
              workspaceId,
              articleId: articleId(a.articleId),
              claimId: a.claimId === null ? null : ids.get(a.claimId),
              note: a.note,
              exact: quote.exact,
              prefix: quote.prefix,
              suffix: quote.suffix,
              start: position?.start ?? null,
              end: position?.end ?? null,
              status: a.status,
              // On a reused article (identical text) the offsets hold for its current revision.
              anchoredRevision: onto ? onto.revision : a.anchoredRevision,
              createdById: user(a.createdById),
              createdAt: new Date(a.createdAt),
              updatedAt: new Date(a.updatedAt),
            };
          }),
        }),
      );
      if (reused.size) {
        await tx.article.updateMany({ where: { id: { in: [...reused.values()].map((r) => r.id) } }, data: { annotationsVersion: { increment: 1 } } });
      }

      await insert(bundle.sources, (chunk) =>
        tx.source.createMany({
          data: chunk.map((s) => ({
            id: ids.get(s.id),
            claimId: ids.get(s.claimId),
            url: s.url,
            title: s.title,
            publisher: s.publisher,
            publishedAt: date(s.publishedAt),
            accessedAt: date(s.accessedAt),
            kind: s.kind,
            stance: s.stance,
            note: s.note,
            createdById: user(s.createdById),
            createdAt: new Date(s.createdAt),
          })),
        }),
      );

      await insert(bundle.relations, (chunk) =>
        tx.claimRelation.createMany({
          data: chunk.map((r) => ({
            id: ids.get(r.id),
            workspaceId,
            fromId: ids.get(r.fromId),
            toId: ids.get(r.toId),
            type: r.type,
            note: r.note,
            createdById: user(r.createdById),
            createdAt: new Date(r.createdAt),
          })),
        }),
      );

      const rewrite = { entity: articleIdOrEntity, user: (old: string) => user(old) };
      function articleIdOrEntity(old: string) {
        return reused.get(old)?.id ?? ids.get(old);
      }
      await insert(bundle.events, (chunk) =>
        tx.claimEvent.createMany({
          data: chunk.map((e) => {
            const data = rewriteEventData(e.kind, e.data as Record<string, unknown>, rewrite);
            const actor = e.actorId === null ? null : user(e.actorId);
            // An actor not matched here is kept by name in the event itself.
            if (e.actorId !== null && actor === null) {
              const p = people.get(e.actorId)!;
              data.originalActor = { name: p.name, email: p.email.trim().toLowerCase() };
            }
            return { id: ids.get(e.id), claimId: ids.get(e.claimId), kind: e.kind, data: data as unknown as Prisma.InputJsonObject, actorId: actor, createdAt: new Date(e.createdAt) };
          }),
        }),
      );

      await insert(bundle.comments, (chunk) =>
        tx.claimComment.createMany({
          data: chunk.map((c) => ({
            id: ids.get(c.id),
            claimId: ids.get(c.claimId),
            authorId: user(c.authorId),
            body: c.body as Prisma.InputJsonValue,
            bodyText: c.bodyText,
            createdAt: new Date(c.createdAt),
            updatedAt: new Date(c.updatedAt),
          })),
        }),
      );

      if (labels) await tx.workspace.update({ where: { id: workspaceId }, data: { verdictLabels: labels } });

      return {
        plan,
        articles: Object.fromEntries(bundle.articles.filter((a) => !skipped.has(a.id)).map((a) => [a.id, articleId(a.id)])),
        claims: Object.fromEntries(bundle.claims.map((c) => [c.id, ids.get(c.id)])),
      };
    },
    { timeout: opts.timeoutMs ?? 300_000, maxWait: 10_000 },
  );
}
