import { db } from "@/lib/db/client";
import { verdictLabels } from "@/lib/claims/verdicts";
import { Prisma } from "@/lib/db/generated/client";
import { keysetPages, type Keyed } from "../batches";
import { exportRows } from "../rows";
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
 * fixed order and keys in a fixed order; articles and claims in (createdAt,
 * id) order; each article's annotations and each claim's sources,
 * relations, events and comments follow their parent's order, then
 * (createdAt, id). So two exports of unchanged data differ only in
 * `exportedAt`, and every section reads in batches along an index.
 *
 * Mentions are the annotations' `claimId`s. `people` lists everyone the
 * other sections name (creators, assignees, approvers, actors, authors).
 * Only live rows: deleted highlights, claims and comments, and claims merged
 * into others, are left out. Relations are those with both ends in the set.
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

  async function* section<T>(key: string, pages: AsyncIterable<T[]>, map: (row: T) => unknown) {
    yield `,\n${JSON.stringify(key)}:[`;
    yield* jsonArrayItems(pages, map);
    yield "]";
  }
  const articlePages = <T extends Keyed>(columns: Prisma.Sql) =>
    keysetPages<T>("ar", (after, take) => exportRows<T>(Prisma.sql`SELECT ${columns} FROM "Article" ar WHERE ${set.articles}${after} ORDER BY ar."createdAt", ar."id" LIMIT ${take}`));
  const claimPages = <T extends Keyed>(columns: Prisma.Sql) =>
    keysetPages<T>("c", (after, take) => exportRows<T>(Prisma.sql`SELECT ${columns} FROM "Claim" c WHERE ${set.claims}${after} ORDER BY c."createdAt", c."id" LIMIT ${take}`));
  /** Rows of each parent page's children, in the parents' order. */
  async function* children<T>(parents: AsyncIterable<Keyed[]>, read: (ids: string[]) => Promise<T[]>) {
    for await (const page of parents) yield await read(page.map((p) => p.id));
  }
  const keys = Prisma.sql`"createdAt", "id"`;

  yield* section(
    "articles",
    (async function* () {
      for await (const rows of articlePages<ArticleRow>(
        Prisma.sql`ar."id", ar."title", ar."publisher", ar."author", ar."url", ar."publishedAt", ar."language", ar."tags", ar."doc", ar."text", ar."contentHash", ar."revision", ar."createdById", ar."createdAt", ar."updatedAt"`,
      )) {
        if (!set.filters.revisions) {
          yield rows.map((r) => ({ ...r, revisions: undefined as Revision[] | undefined }));
          continue;
        }
        const revisions = await exportRows<Revision>(Prisma.sql`
          SELECT v."articleId", v."number", v."title", v."doc", v."text", v."contentHash", v."createdById", v."createdAt"
          FROM "ArticleRevision" v WHERE v."articleId" = ANY(${rows.map((r) => r.id)}::text[]) ORDER BY v."articleId", v."number"`);
        const of = new Map<string, Revision[]>();
        for (const v of revisions) of.set(v.articleId, [...(of.get(v.articleId) ?? []), v]);
        yield rows.map((r) => ({ ...r, revisions: of.get(r.id) ?? [] }));
      }
    })(),
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
    children(
      articlePages<Keyed>(Prisma.sql`ar."id", ar."createdAt"`),
      (ids) => exportRows<AnnotationRow>(Prisma.sql`
        SELECT a."id", a."articleId", a."claimId", a."note", a."exact", a."prefix", a."suffix", a."start", a."end", a."status"::text AS "status", a."anchoredRevision", a."createdById", a."createdAt", a."updatedAt"
        FROM "Annotation" a WHERE a."articleId" = ANY(${ids}::text[]) AND ${set.annotations}
        ORDER BY array_position(${ids}::text[], a."articleId"), a."createdAt", a."id"`),
    ),
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
    claimPages<ClaimRow>(
      Prisma.sql`c."id", c."statement", c."claimant", c."claimDate", c."reviewState", c."verdict", c."explanation", c."explanationText", c."tags", c."assigneeId", c."createdById", c."approvedById", c."approvedAt", c."version", c."createdAt", c."updatedAt"`,
    ),
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

  const claimIds = () => claimPages<Keyed>(Prisma.sql`c."id", c."createdAt"`);
  const byClaim = (ids: string[], column = "claimId") => Prisma.sql`ORDER BY array_position(${ids}::text[], ${Prisma.raw(`"${column}"`)}), ${keys}`;

  yield* section(
    "sources",
    children(claimIds(), (ids) => exportRows<SourceRow>(Prisma.sql`SELECT * FROM "Source" WHERE "claimId" = ANY(${ids}::text[]) ${byClaim(ids)}`)),
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

  yield* section(
    "relations",
    children(
      claimIds(),
      (ids) => exportRows<RelationRow>(Prisma.sql`
        SELECT r.* FROM "ClaimRelation" r WHERE r."fromId" = ANY(${ids}::text[])
          AND EXISTS (SELECT 1 FROM "Claim" c WHERE c."id" = r."toId" AND ${set.claims})
        ${byClaim(ids, "fromId")}`),
    ),
    (r) => ({ id: r.id, fromId: r.fromId, toId: r.toId, type: r.type, note: r.note, createdById: person(r.createdById), createdAt: iso(r.createdAt) }),
  );

  yield* section(
    "events",
    children(claimIds(), (ids) => exportRows<EventRow>(Prisma.sql`SELECT * FROM "ClaimEvent" WHERE "claimId" = ANY(${ids}::text[]) ${byClaim(ids)}`)),
    (e) => {
      // An assignee change names people inside its data; list them too, so an import can match them by email.
      const data = e.data as { field?: string; from?: { id?: string | null } | null; to?: { id?: string | null } | null } | null;
      if (data?.field === "assignee") for (const ref of [data.from, data.to]) person(ref?.id ?? null);
      return { id: e.id, claimId: e.claimId, kind: e.kind, data: e.data, actorId: person(e.actorId), createdAt: iso(e.createdAt) };
    },
  );

  yield* section(
    "comments",
    children(claimIds(), (ids) => exportRows<CommentRow>(Prisma.sql`SELECT * FROM "ClaimComment" WHERE "claimId" = ANY(${ids}::text[]) AND "deletedAt" IS NULL ${byClaim(ids)}`)),
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

interface ArticleRow extends Keyed {
  title: string;
  publisher: string | null;
  author: string | null;
  url: string | null;
  publishedAt: Date | null;
  language: string | null;
  tags: string[];
  doc: unknown;
  text: string;
  contentHash: string;
  revision: number;
  createdById: string | null;
  updatedAt: Date;
}

interface AnnotationRow extends Keyed {
  articleId: string;
  claimId: string | null;
  note: string | null;
  exact: string;
  prefix: string;
  suffix: string;
  start: number | null;
  end: number | null;
  status: string;
  anchoredRevision: number;
  createdById: string | null;
  updatedAt: Date;
}

interface ClaimRow extends Keyed {
  statement: string;
  claimant: string | null;
  claimDate: Date | null;
  reviewState: string;
  verdict: string | null;
  explanation: unknown;
  explanationText: string;
  tags: string[];
  assigneeId: string | null;
  createdById: string | null;
  approvedById: string | null;
  approvedAt: Date | null;
  version: number;
  updatedAt: Date;
}

interface SourceRow extends Keyed {
  claimId: string;
  url: string | null;
  title: string;
  publisher: string | null;
  publishedAt: Date | null;
  accessedAt: Date | null;
  kind: string;
  stance: string;
  note: string | null;
  createdById: string | null;
}

interface RelationRow extends Keyed {
  fromId: string;
  toId: string;
  type: string;
  note: string | null;
  createdById: string | null;
}

interface EventRow extends Keyed {
  claimId: string;
  kind: string;
  data: unknown;
  actorId: string | null;
}

interface CommentRow extends Keyed {
  claimId: string;
  authorId: string | null;
  body: unknown;
  bodyText: string;
  updatedAt: Date;
}
