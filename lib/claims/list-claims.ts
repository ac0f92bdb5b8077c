import { can, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { DomainError, forbidden, invalid, said } from "@/lib/errors";
import { zodFieldCodes } from "@/lib/http/error-codes";
import { fieldErrors } from "@/lib/http/problem";
import type { ClaimListItem, ClaimPage } from "./claim-dto";
import { CHANGES_REQUESTED, type ReviewState } from "./review-states";
import { claimFiltersSchema, namedFilterErrors, type ClaimFilters, type ClaimSort } from "./schemas";
import type { Verdict } from "./verdicts";
import { tagsMatchSql } from "./workspace-tags";

interface Cursor {
  sort: ClaimSort;
  value: string;
  id: string;
  /** The page before this row (Previous page) rather than after it. */
  before?: boolean;
}

/** [sort, value, id], with "before" appended for a Previous page's cursor (older links keep working). */
function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c.before ? [c.sort, c.value, c.id, "before"] : [c.sort, c.value, c.id])).toString("base64url");
}

function decodeCursor(raw: string, sort: ClaimSort): Cursor {
  try {
    const [s, value, id, direction, ...rest] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown[];
    if (s === sort && typeof value === "string" && typeof id === "string" && (direction === undefined || direction === "before") && !rest.length) {
      return { sort, value, id, before: direction === "before" };
    }
  } catch {
    // fall through
  }
  throw invalid(said("invalid_cursor", "That page cursor is not valid for this list; start from the first page."), { cursor: said("invalid_cursor", namedFilterErrors({ cursor: "Invalid cursor." }).cursor) });
}

/**
 * Each sort's ORDER BY (and its reverse, read from the same index backwards, for
 * a Previous page) and the keyset conditions "strictly after/before the cursor",
 * all answered by an index: (workspaceId, updatedAt, id), (workspaceId,
 * createdAt, id) and (workspaceId, left(statement, 100), id). The statement
 * sort orders by the first 100 characters, then the whole statement: a btree
 * over whole statements could exceed PostgreSQL's index row size (migration
 * q100k_scale_indexes), and ties within 100 characters are rare.
 */
const ORDER: Record<
  ClaimSort,
  { by: Prisma.Sql; reversed: Prisma.Sql; after: (c: Cursor) => Prisma.Sql; before: (c: Cursor) => Prisma.Sql; value: (row: { statement: string; updatedAt: Date; createdAt: Date }) => string }
> = {
  updated: {
    by: Prisma.sql`c."updatedAt" DESC, c.id DESC`,
    reversed: Prisma.sql`c."updatedAt", c.id`,
    after: (cur) => Prisma.sql`(c."updatedAt", c.id) < (${new Date(cur.value)}::timestamp(3), ${cur.id})`,
    before: (cur) => Prisma.sql`(c."updatedAt", c.id) > (${new Date(cur.value)}::timestamp(3), ${cur.id})`,
    value: (r) => r.updatedAt.toISOString(),
  },
  created: {
    by: Prisma.sql`c."createdAt" DESC, c.id DESC`,
    reversed: Prisma.sql`c."createdAt", c.id`,
    after: (cur) => Prisma.sql`(c."createdAt", c.id) < (${new Date(cur.value)}::timestamp(3), ${cur.id})`,
    before: (cur) => Prisma.sql`(c."createdAt", c.id) > (${new Date(cur.value)}::timestamp(3), ${cur.id})`,
    value: (r) => r.createdAt.toISOString(),
  },
  statement: {
    by: Prisma.sql`left(c.statement, 100), c.statement, c.id`,
    reversed: Prisma.sql`left(c.statement, 100) DESC, c.statement DESC, c.id DESC`,
    after: (cur) => Prisma.sql`(left(c.statement, 100), c.statement, c.id) > (left(${cur.value}, 100), ${cur.value}::text, ${cur.id})`,
    before: (cur) => Prisma.sql`(left(c.statement, 100), c.statement, c.id) < (left(${cur.value}, 100), ${cur.value}::text, ${cur.id})`,
    value: (r) => r.statement,
  },
};

/** An ILIKE pattern matching `text` anywhere, its wildcards taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** Alias names a claimant filter adds at most (an alias holds up to 20; a one-letter filter could match many). */
const MAX_ALIAS_NAMES = 100;

/**
 * The claimant filter: claimants containing the text, or any name of a
 * confirmed alias (lib/glossary) one of whose names contains it, so "Lavrov"
 * also finds «Сергей Лавров» once an admin has confirmed the alias. The alias
 * names are read first, in a query of their own, and each becomes an ILIKE of
 * its own: ORed ILIKEs are answered from the claimant's trigram index, whereas
 * `ILIKE ANY (subquery)` made PostgreSQL read every claim of the workspace
 * when nothing matched (81 ms at 100k claims, against 0.2 ms).
 * The claimant is also matched as the suggestions read names (N14b-5): the
 * text's words as their search terms in the claimant's field of the search
 * document (search_typed_tsquery(…, 'B'): stems, Cyrillic names in Latin letters,
 * name keys), so «Захарова» finds "Maria Zakharova" and «Шольц» "Olaf Scholz"
 * without an alias; the GIN index on "searchVector" answers it. The condition is built for
 * an alias of Claim, for denseOrListed to read the matches first or test each row.
 */
async function claimantMatch(workspaceId: string, text: string): Promise<Match> {
  // The text also as search_clean folds it (a look-alike letter of the other script, «Лaвров» with a Latin a, read
  // as what it looks like; alias names are stored so): one query with the alias names, no round trip of its own.
  const rows = await db.$queryRaw<{ folded: string; name: string | null }[]>`
    WITH f AS (SELECT "search_clean"(${text}) AS folded)
    SELECT f.folded, x."name" FROM f LEFT JOIN LATERAL (
      SELECT DISTINCT v."name" FROM "AliasName" n
        JOIN "NameAlias" a ON a."id" = n."aliasId" AND a."status" = 'confirmed'
        JOIN "AliasName" o ON o."aliasId" = n."aliasId"
        -- A name as stored (joiners kept, N14b-2) and as matching reads it (without them).
        CROSS JOIN LATERAL unnest(ARRAY[o."name", "search_clean"(o."name")]) AS v("name")
       WHERE n."workspaceId" = ${workspaceId} AND "search_clean"(n."name") ILIKE '%' || replace(replace(replace(f.folded, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
       ORDER BY v."name" LIMIT ${MAX_ALIAS_NAMES}) x ON true`;
  const folded = rows[0]?.folded ?? text;
  const patterns = [...new Set([containing(text), containing(folded), ...rows.flatMap((r) => (r.name ? [containing(r.name)] : []))])];
  // Lower case too: «захарова» as typed is read as the name «Захарова» as well (names are told by their capital).
  const words = (c: Prisma.Sql) => Prisma.sql`${c}."searchVector" @@ ("search_typed_tsquery"(${text}, 'B') || "search_typed_tsquery"(initcap(${text}), 'B'))`;
  const ilike = (c: Prisma.Sql) => patterns.map((p) => Prisma.sql`${c}.claimant ILIKE ${p}`);
  if (!tooShortForTrigrams(text) || !tooShortForTrigrams(folded)) return { match: (c) => Prisma.sql`(${Prisma.join([...ilike(c), words(c)], " OR ")})` };
  // Too short for the trigram index: the names containing it, from the workspace's names (migration
  // workspace_claimants), then their claims by name. Named by more claims than are read as a list, the claims
  // are dense enough for the page's walk of its sort index to find a page soon (denseOrListed).
  const names = await db.$queryRaw<{ claimant: string; claimCount: number }[]>`
    SELECT claimant, "claimCount" FROM "WorkspaceClaimant"
     WHERE "workspaceId" = ${workspaceId} AND "claimCount" > 0 AND claimant ILIKE ANY (${patterns}::text[])
     LIMIT ${LISTED_MATCHES + 1}`;
  const named = names.reduce((sum, n) => sum + n.claimCount, 0);
  const byName = (c: Prisma.Sql) => (names.length <= LISTED_MATCHES ? [Prisma.sql`${c}.claimant = ANY (${names.map((n) => n.claimant)}::text[])`] : ilike(c));
  return { match: (c) => Prisma.sql`(${Prisma.join([...byName(c), words(c)], " OR ")})`, dense: named > LISTED_MATCHES };
}

/**
 * Text in which pg_trgm finds no trigram to look up (no three letters or digits in a row: "Xi", "ß", "%"): its
 * GIN index then yields every row for a recheck. Such a filter reads the workspace's names (claimant) or only
 * whole words (text) instead.
 */
export const tooShortForTrigrams = (text: string) => !/[\p{L}\p{N}]{3}/u.test(text);

/** A filter's condition on the claims aliased `c`; `dense` when it is known to match more claims than are listed. */
interface Match {
  match: (c: Prisma.Sql) => Prisma.Sql;
  dense?: boolean;
}

/**
 * The text filter (see listClaims): the text anywhere in the statement, or its words as the suggestions read
 * them. Text too short for the trigram index ("EU", "5G") is matched as words only: as a part of words it would
 * be found in nearly every claim, and only by reading every one (0.2-0.8 s at 100k claims).
 */
const textMatch = async (q: string): Promise<Match> => {
  const words = (c: Prisma.Sql) => Prisma.sql`${c}."searchVector" @@ ("search_typed_tsquery"(${q}) || "search_typed_tsquery"(initcap(${q})))`;
  if (!tooShortForTrigrams(q)) return { match: (c) => Prisma.sql`(${statementContains(c, q)} OR ${words(c)})` };
  // Only words too common to be indexed ("in", "of", "и"): the search vector has none of them, so they are
  // looked for as whole words in the statement itself (black-box s33, 7: `q=in` had found nothing, with no hint
  // why). Such words are in most claims, so the page's walk along its sort ends soon.
  if (!onlySymbols(q) && !(await indexedWords(q))) return { match: (c) => Prisma.sql`${c}.statement ~* ${wholeWords(q)}`, dense: true };
  return { match: words };
};

/**
 * The text anywhere in the statement, as written; a number at either end of it only as a whole number
 * (black-box s34, M2: `9 tonnes` had found "8209 tonnes", and so differed from `tonnes 9`, which the
 * words half reads alike). A text ending with a digit must not be followed by another, or by a point or
 * separator and a digit ("2.55", "9,5"). A text starting with a digit must follow the statement's start,
 * a space or ASCII punctuation other than a point or comma (NUMBER_OPENERS): that much pg_trgm can read
 * in a regular expression, so its index finds the claims with the number as a word of its own (in SQL at
 * 100k claims, 8 ms listing `9 percent`'s matches, against 107 ms testing each claim saying "percent"); one class with a
 * character past ASCII in it (“, —, €) made it give up. A number after those is still found by the
 * words half (the same words in any order). Words are still matched in part ("Blink" finds "Blinken"),
 * as the list is searched while typing.
 */
function statementContains(c: Prisma.Sql, q: string): Prisma.Sql {
  const ilike = Prisma.sql`${c}.statement ILIKE ${containing(q)}`;
  const edges = numberEdges(q);
  return edges ? Prisma.sql`(${ilike} AND ${c}.statement ~* ${edges})` : ilike;
}

/** What may come just before a number at the start of the text: whitespace and ASCII punctuation but `.` and `,` (a bracket expression). */
const NUMBER_OPENERS = "[\\t\\n\\r !\"#$%&'(*+/:;<=>?@\\[^_`{|}~-]";

/** The regular expression numbers at the text's ends add to its match (statementContains), or null when it starts and ends with no digit. */
export function numberEdges(q: string): string | null {
  const first = /^[0-9]/.test(q);
  const last = /[0-9]$/.test(q);
  if (!first && !last) return null;
  // Every character but letters and digits escaped: in PostgreSQL's regular expressions `\` before any other character is that character.
  const literal = q.replace(/[^\p{L}\p{N}]/gu, (ch) => `\\${ch}`);
  return `${first ? `(^|${NUMBER_OPENERS})` : ""}${literal}${last ? "($|[^0-9.,]|[.,]($|[^0-9]))" : ""}`;
}

/** A search text with no letter or digit: the words half has nothing to look up, so it finds no claim (the claims page says why). */
export const onlySymbols = (q: string) => !/[\p{L}\p{N}]/u.test(q);

/** Whether the text filter has any word the search vector holds (not only stop words). */
async function indexedWords(q: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ n: number | null }[]>`SELECT numnode("search_typed_tsquery"(${q}) || "search_typed_tsquery"(initcap(${q}))) AS n`;
  return (row?.n ?? 0) > 0;
}

/** A PostgreSQL regular expression for the text as whole words: its own characters literal, any spacing between words. */
const wholeWords = (q: string) =>
  `\\m${q
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, (ch) => `\\${ch}`))
    .join("\\s+")}\\M`;

/** Up to this many claims matching a text or claimant filter are read as a list of ids (see denseOrListed). */
const LISTED_MATCHES = 2000;

/**
 * A text or claimant filter as the page query can answer it cheaply however many claims match. Walking the
 * sort's index and testing each claim stops after about 51 × claims ÷ matches rows: quick when many match,
 * every claim of the workspace when few do (a word in no claim took 4.3 s at 1,000,000 claims, the planner
 * expecting thousands of matches). Reading the matches through the filter's own GIN and trigram indexes costs
 * what they are: quick when few, slow when many (a claimant of 13,937 claims 0.7 s, fetching every one to sort
 * them). So up to LISTED_MATCHES + 1 matches are read first, through those indexes: when that is all of them,
 * the page is read among their ids; otherwise matches are dense enough for the walk to end soon.
 */
async function denseOrListed(workspaceId: string, deleted: boolean, { match, dense }: Match): Promise<Prisma.Sql> {
  if (dense) return match(Prisma.sql`c`);
  const x = Prisma.sql`x`;
  // Through the indexes, bitmap scans only: planned freely, a LIMIT and an estimate of many matches (84,311 for a
  // claimant of 13,937 claims at 1M) made PostgreSQL scan the table until it had found enough (164k rows, 0.4 s).
  const [, , listed] = await db.$transaction([
    db.$executeRaw`SET LOCAL enable_seqscan = off`,
    db.$executeRaw`SET LOCAL enable_indexscan = off`,
    db.$queryRaw<{ id: string }[]>`
      SELECT x.id FROM "Claim" x
       WHERE x."workspaceId" = ${workspaceId} AND x."mergedIntoId" IS NULL AND x."deletedAt" IS ${Prisma.raw(deleted ? "NOT NULL" : "NULL")}
         AND ${match(x)}
       LIMIT ${LISTED_MATCHES + 1}`,
  ]);
  if (listed.length <= LISTED_MATCHES) return Prisma.sql`c.id = ANY (${listed.map((r) => r.id)}::text[])`;
  return match(Prisma.sql`c`);
}

/** Parses filters from query parameters (or an object); 400 naming the bad parameter. */
export function parseClaimFilters(input: URLSearchParams | ClaimFilters) {
  const raw = input instanceof URLSearchParams ? Object.fromEntries(input) : input;
  // reportInput: a wrong kind of value is told from a missing one by its input (lib/http/error-codes.ts), as the pipeline does.
  const parsed = claimFiltersSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const fields = namedFilterErrors(fieldErrors(parsed.error));
    const messages = Object.values(fields);
    // With each filter's code, so the claims page can say what is wrong in the reader's language.
    throw new DomainError(400, messages.length === 1 ? messages[0] : `Some filters are invalid: ${messages.join(" ")}`, fields, { fieldCodes: zodFieldCodes(parsed.error.issues), code: "invalid_fields" });
  }
  return parsed.data;
}

/**
 * The workspace's claims, filtered and sorted on the server, a page at a time.
 * Merged claims never appear; deleted ones only when an admin asks for them.
 */
export async function listClaims(access: Access, filters: ClaimFilters = {}): Promise<ClaimPage> {
  const f = parseClaimFilters(filters);
  if (f.deleted && !can(access.role, "claim.restore")) throw forbidden("Only admins can list deleted claims.");
  // Every condition is answerable from an index (the sort's, or the filter's own when it is selective) and the
  // query ends in a LIMIT, so a page costs the same however many claims the workspace holds.
  const and: Prisma.Sql[] = [Prisma.sql`c."workspaceId" = ${access.workspace.id}`, Prisma.sql`c."mergedIntoId" IS NULL`];
  and.push(f.deleted ? Prisma.sql`c."deletedAt" IS NOT NULL` : Prisma.sql`c."deletedAt" IS NULL`);
  if (f.reviewState?.length) {
    // "changes-requested" is unreviewed and sent back (changesRequestedAt set); the others are review states.
    const states = f.reviewState.filter((s): s is ReviewState => s !== CHANGES_REQUESTED);
    const sentBack = f.reviewState.includes(CHANGES_REQUESTED) ? [Prisma.sql`(c."reviewState" = 'unreviewed' AND c."changesRequestedAt" IS NOT NULL)`] : [];
    and.push(Prisma.sql`(${Prisma.join([...(states.length ? [Prisma.sql`c."reviewState" = ANY(${states}::text[])`] : []), ...sentBack], " OR ")})`);
  }
  if (f.verdict?.length) {
    const real = f.verdict.filter((v) => v !== "none");
    const either = [...(real.length ? [Prisma.sql`c.verdict = ANY(${real}::text[])`] : []), ...(f.verdict.includes("none") ? [Prisma.sql`c.verdict IS NULL`] : [])];
    and.push(Prisma.sql`(${Prisma.join(either, " OR ")})`);
  }
  if (f.tag) and.push(tagsMatchSql(access.workspace.id, [f.tag]));
  if (f.articleId) and.push(Prisma.sql`EXISTS (SELECT 1 FROM "Annotation" n WHERE n."claimId" = c.id AND n."articleId" = ${f.articleId} AND n."deletedAt" IS NULL)`);
  if (f.claimant) and.push(await denseOrListed(access.workspace.id, !!f.deleted, await claimantMatch(access.workspace.id, f.claimant)));
  if (f.assignee) {
    const assignee = f.assignee === "me" ? access.userId : f.assignee === "none" ? null : f.assignee;
    and.push(assignee === null ? Prisma.sql`c."assigneeId" IS NULL` : Prisma.sql`c."assigneeId" = ${assignee}`);
  }
  if (f.hasSources !== undefined) and.push(Prisma.sql`${Prisma.raw(f.hasSources ? "" : "NOT ")}EXISTS (SELECT 1 FROM "Source" s WHERE s."claimId" = c.id)`);
  // The text as typed, or its words as the suggestions read them (stemmed in its language, names across scripts:
  // «гарантиям» finds «гарантии», «Лавров» finds "Lavrov"); both answered by GIN indexes.
  // Lower case too: «кулеба» as typed is read as the name «Кулеба» as well (names are told by their capital).
  if (f.q) and.push(await denseOrListed(access.workspace.id, !!f.deleted, await textMatch(f.q)));
  const order = ORDER[f.sort];
  const cursor = f.cursor ? decodeCursor(f.cursor, f.sort) : null;
  if (cursor) and.push(cursor.before ? order.before(cursor) : order.after(cursor));
  // A Previous page reads the rows just before the cursor nearest first (the sort's index backwards), then shows them in the list's order.
  const inner = cursor?.before ? order.reversed : order.by;

  // The page first, then its counts and assignees: counting for the page's rows only.
  const rows = await db.$queryRaw<ListRow[]>`
    SELECT c.id, c.statement, c.language, c.claimant, c."claimDate", c."reviewState", c.verdict, c.tags, c.version, c."createdAt", c."updatedAt", c."deletedAt",
           c."changesRequestedAt", c."changesRequestedReason",
           c."assigneeId", u.name AS "assigneeName",
           (SELECT count(*) FROM "Annotation" n WHERE n."claimId" = c.id AND n."deletedAt" IS NULL)::int AS "mentionCount",
           (SELECT count(DISTINCT n."articleId") FROM "Annotation" n WHERE n."claimId" = c.id AND n."deletedAt" IS NULL)::int AS "articleCount",
           (SELECT count(*) FROM "Source" s WHERE s."claimId" = c.id)::int AS "sourceCount"
      FROM (SELECT c.* FROM "Claim" c WHERE ${Prisma.join(and, " AND ")} ORDER BY ${inner} LIMIT ${f.limit + 1}) c
      LEFT JOIN "User" u ON u.id = c."assigneeId"
     ORDER BY ${inner}`;
  const more = rows.length > f.limit;
  const page = rows.slice(0, f.limit);
  if (cursor?.before) page.reverse();
  const items: ClaimListItem[] = page.map((r) => ({
    id: r.id,
    statement: r.statement,
    language: r.language,
    claimant: r.claimant,
    claimDate: r.claimDate?.toISOString() ?? null,
    reviewState: r.reviewState as ReviewState,
    verdict: r.verdict as Verdict | null,
    changesRequested: r.changesRequestedAt ? { reason: r.changesRequestedReason ?? "", at: r.changesRequestedAt.toISOString() } : null,
    tags: r.tags,
    assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName ?? "" } : null,
    mentionCount: r.mentionCount,
    articleCount: r.articleCount,
    sourceCount: r.sourceCount,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    deletedAt: r.deletedAt?.toISOString() ?? null,
  }));
  const first = page.at(0);
  const last = page.at(-1);
  const at = (row: ListRow, before: boolean) => encodeCursor({ sort: f.sort, value: order.value(row), id: row.id, before });
  // Going forward, there is a page before this one when it was reached by a cursor; going back, when rows were left over.
  // And the other way round for the page after: a Previous page came from one.
  const nextCursor = last && (cursor?.before ? true : more) ? at(last, false) : null;
  const prevCursor = first && (cursor?.before ? more : cursor !== null) ? at(first, true) : null;
  return { items, nextCursor, prevCursor };
}

interface ListRow {
  id: string;
  statement: string;
  language: string | null;
  changesRequestedAt: Date | null;
  changesRequestedReason: string | null;
  claimant: string | null;
  claimDate: Date | null;
  reviewState: string;
  verdict: string | null;
  tags: string[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  assigneeId: string | null;
  assigneeName: string | null;
  mentionCount: number;
  articleCount: number;
  sourceCount: number;
}
