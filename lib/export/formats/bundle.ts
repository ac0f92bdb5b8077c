import { db } from "@/lib/db/client";
import { verdictLabels } from "@/lib/claims/verdicts";
import { KEYSET_ORDER, keysetPages, type AfterKey, type Keyed } from "../batches";
import { iso, type ExportContext } from "../context";
import { jsonArrayItems } from "./json-stream";

interface Revision {
  articleId: string;
  number: number;
  title: string;
  doc: unknown;
  text: string;
  contentHash: string;
  createdById: string | null;
  createdAt: Date;
}

export const BUNDLE_FORMAT = "claimtrail-bundle";
export const BUNDLE_VERSION = 1;

/**
 * The Claimtrail bundle: everything needed to rebuild the set in another
 * instance, ids as they are here (an importer remaps them). Sections in a
 * fixed order, rows in (createdAt, id) order, keys in a fixed order: two
 * exports of unchanged data differ only in `exportedAt`.
 *
 * Mentions are the annotations' `claimId`s. `people` lists everyone the
 * other sections name (creators, assignees, approvers, actors, authors).
 * Only live rows: deleted highlights, claims and comments, and claims merged
 * into others, are left out (their events are not).
 */
export async function* bundleExport(ctx: ExportContext): AsyncGenerator<string> {
  const { set } = ctx;
  const people = new Set<string>();
  const person = (id: string | null) => {
    if (id) people.add(id);
    return id;
  };
  const tags = new Set<string>();

  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: ctx.workspace.id }, select: { id: true, slug: true, name: true, createdAt: true, verdictLabels: true } });
  const header = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: ctx.exportedAt.toISOString(),
    workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name, createdAt: iso(workspace.createdAt), verdictLabels: verdictLabels(workspace.verdictLabels) },
    filters: set.filters,
  };
  yield JSON.stringify(header).slice(0, -1);

  async function* section<T extends Keyed>(key: string, read: (after: AfterKey, take: number) => Promise<T[]>, map: (row: T) => unknown) {
    yield `,\n${JSON.stringify(key)}:[`;
    yield* jsonArrayItems(keysetPages(read), map);
    yield "]";
  }

  yield* section(
    "articles",
    async (after, take) => {
      const rows = await db.article.findMany({
        where: { AND: [set.articles, after] },
        orderBy: KEYSET_ORDER,
        take,
        select: {
          id: true,
          title: true,
          publisher: true,
          author: true,
          url: true,
          publishedAt: true,
          language: true,
          tags: true,
          doc: true,
          text: true,
          contentHash: true,
          revision: true,
          createdById: true,
          createdAt: true,
          updatedAt: true,
        },
      });
      if (!set.filters.revisions) return rows.map((r) => ({ ...r, revisions: undefined as Revision[] | undefined }));
      const revisions: Revision[] = await db.articleRevision.findMany({
        where: { articleId: { in: rows.map((r) => r.id) } },
        orderBy: [{ articleId: "asc" }, { number: "asc" }],
        select: { articleId: true, number: true, title: true, doc: true, text: true, contentHash: true, createdById: true, createdAt: true },
      });
      return rows.map((r) => ({ ...r, revisions: revisions.filter((v) => v.articleId === r.id) }));
    },
    (a) => ({
      id: a.id,
      title: a.title,
      publisher: a.publisher,
      author: a.author,
      url: a.url,
      publishedAt: iso(a.publishedAt),
      language: a.language,
      tags: a.tags,
      contentHash: a.contentHash,
      revision: a.revision,
      createdById: person(a.createdById),
      createdAt: iso(a.createdAt),
      updatedAt: iso(a.updatedAt),
      doc: a.doc,
      text: a.text,
      ...(a.revisions
        ? {
            revisions: a.revisions.map((v) => ({
              number: v.number,
              title: v.title,
              contentHash: v.contentHash,
              createdById: person(v.createdById),
              createdAt: iso(v.createdAt),
              doc: v.doc,
              text: v.text,
            })),
          }
        : {}),
    }),
  );

  yield* section(
    "annotations",
    (after, take) =>
      db.annotation.findMany({
        where: { AND: [set.annotations, after] },
        orderBy: KEYSET_ORDER,
        take,
        select: { id: true, articleId: true, claimId: true, note: true, exact: true, prefix: true, suffix: true, start: true, end: true, status: true, anchoredRevision: true, createdById: true, createdAt: true, updatedAt: true },
      }),
    (a) => ({
      id: a.id,
      articleId: a.articleId,
      claimId: a.claimId,
      selectors: [
        ...(a.start !== null && a.end !== null ? [{ type: "TextPositionSelector", start: a.start, end: a.end }] : []),
        { type: "TextQuoteSelector", exact: a.exact, prefix: a.prefix, suffix: a.suffix },
      ],
      status: a.status,
      anchoredRevision: a.anchoredRevision,
      note: a.note,
      createdById: person(a.createdById),
      createdAt: iso(a.createdAt),
      updatedAt: iso(a.updatedAt),
    }),
  );

  yield* section(
    "claims",
    (after, take) =>
      db.claim.findMany({
        where: { AND: [set.claims, after] },
        orderBy: KEYSET_ORDER,
        take,
        select: {
          id: true,
          statement: true,
          claimant: true,
          claimDate: true,
          reviewState: true,
          verdict: true,
          explanation: true,
          explanationText: true,
          tags: true,
          assigneeId: true,
          createdById: true,
          approvedById: true,
          approvedAt: true,
          version: true,
          createdAt: true,
          updatedAt: true,
        },
      }),
    (c) => {
      for (const t of c.tags) tags.add(t);
      return {
        id: c.id,
        statement: c.statement,
        claimant: c.claimant,
        claimDate: iso(c.claimDate),
        reviewState: c.reviewState,
        verdict: c.verdict,
        explanation: c.explanation,
        explanationText: c.explanationText,
        tags: c.tags,
        assigneeId: person(c.assigneeId),
        createdById: person(c.createdById),
        approvedById: person(c.approvedById),
        approvedAt: iso(c.approvedAt),
        version: c.version,
        createdAt: iso(c.createdAt),
        updatedAt: iso(c.updatedAt),
      };
    },
  );

  yield* section(
    "sources",
    (after, take) => db.source.findMany({ where: { AND: [{ claim: set.claims }, after] }, orderBy: KEYSET_ORDER, take }),
    (s) => ({
      id: s.id,
      claimId: s.claimId,
      url: s.url,
      title: s.title,
      publisher: s.publisher,
      publishedAt: iso(s.publishedAt),
      accessedAt: iso(s.accessedAt),
      kind: s.kind,
      stance: s.stance,
      note: s.note,
      createdById: person(s.createdById),
      createdAt: iso(s.createdAt),
    }),
  );

  // Only relations with both ends in the set can be rebuilt from it.
  yield* section(
    "relations",
    (after, take) => db.claimRelation.findMany({ where: { AND: [{ from: set.claims, to: set.claims }, after] }, orderBy: KEYSET_ORDER, take }),
    (r) => ({ id: r.id, fromId: r.fromId, toId: r.toId, type: r.type, note: r.note, createdById: person(r.createdById), createdAt: iso(r.createdAt) }),
  );

  yield* section(
    "events",
    (after, take) => db.claimEvent.findMany({ where: { AND: [{ claim: set.claims }, after] }, orderBy: KEYSET_ORDER, take }),
    (e) => ({ id: e.id, claimId: e.claimId, kind: e.kind, data: e.data, actorId: person(e.actorId), createdAt: iso(e.createdAt) }),
  );

  yield* section(
    "comments",
    (after, take) => db.claimComment.findMany({ where: { AND: [{ claim: set.claims, deletedAt: null }, after] }, orderBy: KEYSET_ORDER, take }),
    (c) => ({ id: c.id, claimId: c.claimId, authorId: person(c.authorId), body: c.body, bodyText: c.bodyText, createdAt: iso(c.createdAt), updatedAt: iso(c.updatedAt) }),
  );

  yield `,\n"tags":${JSON.stringify([...tags].sort())}`;

  const ids = [...people].sort();
  yield ',\n"people":[';
  const chunks = async function* () {
    for (let i = 0; i < ids.length; i += 1000) {
      yield await db.user.findMany({ where: { id: { in: ids.slice(i, i + 1000) } }, orderBy: { id: "asc" }, select: { id: true, name: true, email: true } });
    }
  };
  yield* jsonArrayItems(chunks(), (u) => u);
  yield "]\n}\n";
}
