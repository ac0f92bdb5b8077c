import { can, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { invalid, notFound, said } from "@/lib/errors";
import { annotationSelect, toView, type AnnotationView } from "./annotation-dto";

export interface AnnotationPageQuery {
  status?: "exact" | "moved" | "fuzzy" | "orphaned";
  /** true: only mentions of a live claim; false: only the others. */
  hasClaim?: boolean;
  /** Admins: the deleted ones instead of the live ones. */
  deleted?: boolean;
  limit: number;
  /** The id of the last annotation of the page before. */
  after?: string;
}

/** The order of listAnnotations (document order, orphans last), with the id to break ties, as one row value. */
const sortColumns = (a: string) => `(${a}."start" IS NULL)::int, coalesce(${a}."start", 0), -coalesce(${a}."end", 0), ${a}."createdAt", ${a}."id"`;

/**
 * A page of an article's annotations for API v1, chosen and ordered in PostgreSQL: only the page's rows are read
 * and turned into views. Listing every annotation to cut a page from it took 256–340 ms for 100 of an article's
 * 10,000 (third tester, session 39, F5).
 */
export async function listAnnotationPage(access: Access, articleId: string, q: AnnotationPageQuery): Promise<{ items: AnnotationView[]; more: boolean }> {
  const article = await db.article.findFirst({ where: { id: articleId, workspaceId: access.workspace.id }, select: { id: true } });
  if (!article) throw notFound("Article not found");
  if (q.after) {
    const cursor = await db.annotation.findFirst({ where: { id: q.after, articleId }, select: { id: true } });
    if (!cursor) throw invalid(said("invalid_cursor", "That page cursor is not valid for this list; start from the first page."), { cursor: said("invalid_cursor", "Invalid cursor.") });
  }
  // Deleted ones are for those who may restore them; anyone else asking for them gets none.
  if (q.deleted && !can(access.role, "annotation.restore")) return { items: [], more: false };
  const where = [
    Prisma.sql`a."articleId" = ${articleId}`,
    q.deleted ? Prisma.sql`a."deletedAt" IS NOT NULL` : Prisma.sql`a."deletedAt" IS NULL`,
    ...(q.status ? [Prisma.sql`a."status" = ${q.status}::"AnchorStatus"`] : []),
    // A mention of a deleted claim is shown as a plain highlight (toView), and filtered as one.
    ...(q.hasClaim === undefined
      ? []
      : [Prisma.sql`${q.hasClaim ? Prisma.empty : Prisma.sql`NOT `}EXISTS (SELECT 1 FROM "Claim" c WHERE c."id" = a."claimId" AND c."deletedAt" IS NULL)`]),
    ...(q.after ? [Prisma.sql`(${Prisma.raw(sortColumns("a"))}) > (SELECT ${Prisma.raw(sortColumns("b"))} FROM "Annotation" b WHERE b."id" = ${q.after})`] : []),
  ];
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT a."id" FROM "Annotation" a WHERE ${Prisma.join(where, " AND ")}
    ORDER BY (a."start" IS NULL), a."start", a."end" DESC, a."createdAt", a."id"
    LIMIT ${q.limit + 1}`;
  const rows = await db.annotation.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: annotationSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const views = ids.flatMap(({ id }) => {
    const row = byId.get(id);
    return row ? [toView(row)] : [];
  });
  return { items: views.slice(0, q.limit), more: views.length > q.limit };
}

/** One annotation of the article; a deleted one only for those who may restore it. */
export async function getAnnotationView(access: Access, articleId: string, annotationId: string): Promise<AnnotationView> {
  const row = await db.annotation.findFirst({
    where: { id: annotationId, articleId, workspaceId: access.workspace.id, ...(can(access.role, "annotation.restore") ? {} : { deletedAt: null }) },
    select: annotationSelect,
  });
  if (!row) throw notFound("Annotation not found");
  return toView(row);
}
