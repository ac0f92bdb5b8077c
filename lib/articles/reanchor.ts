import { anchorAll, ORPHANED, type Anchor } from "@/lib/anchoring";
import { db, type Prisma } from "@/lib/db/client";

type Tx = Prisma.TransactionClient;

/** A highlight as re-anchoring reads it: its quote and where it is now. */
interface Placed {
  id: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number | null;
  end: number | null;
  status: string;
  /** A deleted highlight is placed too (a restored one must be where its words are), but never keeps a live one off its words. */
  deleted: boolean;
}

/** The article's highlights as read before the edit's transaction, each with its place in the new text. */
export interface ReanchorPlan {
  rows: Placed[];
  anchors: Anchor[];
  /** The text the rows' offsets refer to (the article's before the edit): where its paragraphs went hints where each is. */
  oldText: string;
}

/**
 * What one edit did to the highlights, stored on the revision it made
 * (ArticleRevision.reanchored): [id, fromStart, fromEnd, fromStatus, toStart, toEnd, toStatus, errors].
 */
export type Move = [string, number | null, number | null, string, number | null, number | null, string, number | null];

/**
 * Each row's place in the new text. An orphan stays one: it has no place in the old text to follow, so any words
 * it found would be other words (the README's promise). Placed again, it took a moved twin's words from that
 * twin's own live highlight, and templated copies added later took back orphans by the dozen (third tester,
 * session 39, F2).
 */
function place(rows: Placed[], text: string, oldText: string): Anchor[] {
  const live = rows.flatMap((r, i) => (r.status === "orphaned" ? [] : [i]));
  const placed = anchorAll(
    text,
    live.map((i) => {
      const r = rows[i];
      return { quote: { exact: r.exact, prefix: r.prefix, suffix: r.suffix }, position: r.start !== null && r.end !== null ? { start: r.start, end: r.end } : undefined };
    }),
    { oldText, deleted: live.map((i) => rows[i].deleted) },
  );
  const anchors: Anchor[] = rows.map(() => ORPHANED);
  live.forEach((i, k) => (anchors[i] = placed[k]));
  return anchors;
}

/**
 * Reads every highlight of the article (deleted ones too: a restored one must
 * be where its words are now) and places each in the new text. Runs before the
 * edit's transaction, so the article's row lock, which every highlight write
 * waits for, is not held while 10,000 highlights are read and matched (issue 11).
 */
export async function planReanchoring(articleId: string, text: string): Promise<ReanchorPlan> {
  const [rows, [article]] = await Promise.all([
    db.$queryRaw<Placed[]>`
      SELECT "id", "exact", "prefix", "suffix", "start", "end", "status"::text AS "status", "deletedAt" IS NOT NULL AS "deleted"
      FROM "Annotation" WHERE "articleId" = ${articleId}`,
    db.$queryRaw<{ text: string }[]>`SELECT "text" FROM "Article" WHERE "id" = ${articleId}`,
  ]);
  const oldText = article?.text ?? "";
  return { rows, anchors: place(rows, text, oldText), oldText };
}

/**
 * Writes the plan, inside the edit's transaction, after the article's row was
 * locked and its revision found unchanged. When a highlight was created (or
 * otherwise changed) between the plan's read and the lock, all are placed
 * again here with it (a neighbour's shift hints where each is looked for), so
 * the result is always what re-anchoring inside the transaction would give;
 * that is rare, and the lock is then held the ~0.1 s more that matching takes. Only highlights whose place
 * changes are written (one UPDATE … FROM unnest), their `anchoredRevision`
 * with them; a span an edit leaves where it was holds in the new text as in
 * the one it was anchored to. A fuzzy one is written even in place, since the
 * words it marks may be what changed.
 */
export async function applyReanchoring(tx: Tx, plan: ReanchorPlan, articleId: string, text: string, revision: number): Promise<{ count: number; orphaned: number; moves: Move[] }> {
  const latecomers = await tx.$queryRaw<Placed[]>`
    SELECT a."id", a."exact", a."prefix", a."suffix", a."start", a."end", a."status"::text AS "status", a."deletedAt" IS NOT NULL AS "deleted"
    FROM "Annotation" AS a
    LEFT JOIN unnest(${plan.rows.map((r) => r.id)}::text[], ${plan.rows.map((r) => r.start)}::int[], ${plan.rows.map((r) => r.end)}::int[], ${plan.rows.map((r) => r.status)}::text[], ${plan.rows.map((r) => r.deleted)}::boolean[])
      AS s("id", "start", "end", "status", "deleted") ON s."id" = a."id"
    WHERE a."articleId" = ${articleId}
      AND (s."id" IS NULL OR a."start" IS DISTINCT FROM s."start" OR a."end" IS DISTINCT FROM s."end" OR a."status"::text <> s."status"
        OR (a."deletedAt" IS NOT NULL) <> s."deleted")`;
  let { rows, anchors } = plan;
  if (latecomers.length) {
    const late = new Set(latecomers.map((r) => r.id));
    rows = [...rows.filter((r) => !late.has(r.id)), ...latecomers];
    anchors = place(rows, text, plan.oldText);
  }

  const moves: Move[] = [];
  const write = { ids: [] as string[], starts: [] as (number | null)[], ends: [] as (number | null)[], statuses: [] as string[] };
  let orphaned = 0;
  rows.forEach((row, i) => {
    const to = anchors[i];
    const start = to.start ?? null;
    const end = to.end ?? null;
    const moved = row.start !== start || row.end !== end || row.status !== to.status;
    if (!moved && to.status !== "fuzzy") return;
    write.ids.push(row.id);
    write.starts.push(start);
    write.ends.push(end);
    write.statuses.push(to.status);
    if (!moved) return;
    moves.push([row.id, row.start, row.end, row.status, start, end, to.status, to.errors ?? null]);
    if (to.status === "orphaned") orphaned++;
  });
  if (write.ids.length) {
    await tx.$executeRaw`
      UPDATE "Annotation" AS a
      SET "start" = m."start", "end" = m."end", "status" = m."status"::"AnchorStatus", "anchoredRevision" = ${revision}, "updatedAt" = now()
      FROM unnest(${write.ids}::text[], ${write.starts}::int[], ${write.ends}::int[], ${write.statuses}::text[]) AS m("id", "start", "end", "status")
      WHERE a."id" = m."id"`;
  }
  return { count: moves.length, orphaned, moves };
}
