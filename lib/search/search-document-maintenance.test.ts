import { randomBytes } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { databaseBefore, onDatabase } from "@/lib/testing/database-before";

/**
 * Issue 11: the search documents, postings, vocabulary, link counts, tallies and
 * tag counts the triggers keep are exactly what they were before migrations
 * search_document_plpgsql (PL/pgSQL document functions) and
 * set_based_claim_triggers (per-statement highlight and relation triggers,
 * join-free tally updates) and set_based_postings_embeddings (per-statement
 * postings of updated claims, embedding jobs): the database before them had
 * every one of these triggers per row. The same writes — multi-row and single-row, English,
 * Russian and Ukrainian, merges, deletions, mention inserts and deletes,
 * statement edits, an article's language — go into a database as it was before
 * them and into one with them; every derived row must be equal. And in the new
 * database each derived value equals one computed afresh from the rows.
 */
const FIRST = "search_document_plpgsql";
const SERVER = process.env.TEST_SERVER_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

async function migratedDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `claimtrail_t_${randomBytes(6).toString("hex")}`;
  const u = new URL(SERVER);
  u.pathname = `/${name}`;
  await onDatabase(SERVER, (c) => c.query(`CREATE DATABASE "${name}"`));
  await migrate(u.toString());
  return { url: u.toString(), drop: () => onDatabase(SERVER, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined) };
}

const STATEMENTS: [string, string | null][] = [
  ["Lavrov met Blinken in Geneva on 21 January 2022 to discuss security guarantees", "Sergey Lavrov"],
  ["NATO will not expand eastward by a single inch, 1,000 officials said in 1990", "James Baker"],
  ["Россия потребовала от НАТО юридических гарантий безопасности 17 декабря 2021 года", "Сергей Рябков"],
  ["Кремль заявил, что 2,5 млн человек получили паспорта в Донбассе", "Дмитрий Песков"],
  ["Україна не отримала жодних гарантій безпеки від Заходу у 2022 році", "Володимир Зеленський"],
  ["Київ отримав 300 тисяч тонн зерна через Одесу 24 лютого", "Олександр Кличко"],
  ["Inflation reached 9.1% in June 2022, the highest in four decades", null],
  ["The Kremlin said sanctions cost Europe $400bn", "Кремль"],
  ["Mixed script: Rоssia (Cyrillic о) and NАTO with a Cyrillic А", "Zelensky"],
  ["Unemployment fell to 3.5 percent on 12/03/2022 according to the agency", "Agency spokesperson"],
  ["Зеленський зустрівся з Байденом у Вашингтоні 21.12.2022", null],
  ["Sullivan told reporters that Washington and Brussels agree", "Jake Sullivan"],
];

/** Every write the app makes that the triggers follow, multi-row and single-row. */
async function scriptedWrites(c: pg.Client): Promise<void> {
  await c.query(`INSERT INTO "Workspace" (id, slug, name) VALUES ('w1', 'w1', 'Newsroom'), ('w2', 'w2', 'Other')`);
  // A model active, so statements and quotes are queued for embedding.
  await c.query(`INSERT INTO "EmbeddingModel" (name, fingerprint, dimension) VALUES ('test-model', 'fp', 3)`);
  await c.query(
    `INSERT INTO "Article" (id, "workspaceId", title, doc, text, "contentHash", language, "updatedAt") VALUES
       ('a-en', 'w1', 'News', '{}', 'text', 'h1', 'en', now()), ('a-ru', 'w1', 'Новости', '{}', 'текст', 'h2', 'ru', now()),
       ('a-uk', 'w1', 'Новини', '{}', 'текст', 'h3', 'uk', now()), ('a-x', 'w1', 'Unknown', '{}', 'text', 'h4', NULL, now())`,
  );
  // Many claims in one statement: states, verdicts, tags, one deleted and one merged from the start.
  const values = STATEMENTS.map(
    (_, i) =>
      `('c${i}', 'w1', $${2 * i + 1}, $${2 * i + 2}, ${["'unreviewed'", "'in-review'", "'approved'"][i % 3]}, ${i % 4 === 0 ? "NULL" : `'${["true", "false", "misleading"][i % 3]}'`},
        ARRAY[${["'war'", "'economy'", "'war', 'nato'", "'war', 'war'"][i % 4]}]::text[], ${i === 10 ? "now()" : "NULL"}, ${i === 11 ? "'c0'" : "NULL"}, now())`,
  );
  await c.query(
    `INSERT INTO "Claim" (id, "workspaceId", statement, claimant, "reviewState", verdict, tags, "deletedAt", "mergedIntoId", "updatedAt") VALUES ${values.join(", ")}`,
    STATEMENTS.flat(),
  );
  // One claim in one statement, its language given.
  await c.query(`INSERT INTO "Claim" (id, "workspaceId", statement, language, tags, "updatedAt") VALUES ('c-uk', 'w1', 'Питання гарантій безпеки для України', 'uk', '{war}', now())`);
  await c.query(`INSERT INTO "Claim" (id, "workspaceId", statement, "updatedAt") VALUES ('c-w2', 'w2', 'Russia and NATO in another workspace', now())`);

  // Mentions: many in one statement (several per claim, in several articles, a deleted one, one with no claim).
  const mention = (id: string, article: string, claim: string | null, exact: string, deleted = false) =>
    `('${id}', 'w1', '${article}', ${claim ? `'${claim}'` : "NULL"}, '${exact.replace(/'/g, "''")}', '', '', 0, 10, 1, ${deleted ? "now()" : "NULL"}, now() + interval '${id.length} seconds', now())`;
  await c.query(
    `INSERT INTO "Annotation" (id, "workspaceId", "articleId", "claimId", exact, prefix, suffix, start, "end", "anchoredRevision", "deletedAt", "createdAt", "updatedAt") VALUES
     ${[
       mention("m1", "a-en", "c0", "Sergei Lavrov and Antony Blinken met in Geneva"),
       mention("m2", "a-ru", "c0", "Сергей Лавров встретился с Энтони Блинкеном в Женеве 21 января 2022 года"),
       mention("m3", "a-uk", "c0", "Сергій Лавров зустрівся з Ентоні Блінкеном у Женеві"),
       mention("m4", "a-ru", "c2", "Москва потребовала гарантий 17.12.2021"),
       mention("m5", "a-uk", "c4", "Україна не отримала гарантій", true),
       mention("m6", "a-x", "c6", "inflation 9.1 percent June 2022"),
       mention("m7", "a-en", null, "no claim yet"),
       mention("m8", "a-uk", "c5", "Київ, Харків та Одеса отримали зерно"),
       mention("m9", "a-en", "c5", "Kyiv got 300,000 tonnes of grain"),
       mention("m10", "a-ru", "c11", "Салливан заявил журналистам"),
     ].join(", ")}`,
  );
  // One mention in one statement.
  await c.query(
    `INSERT INTO "Annotation" (id, "workspaceId", "articleId", "claimId", exact, prefix, suffix, start, "end", "anchoredRevision", "updatedAt")
     VALUES ('m11', 'w1', 'a-en', 'c1', 'NATO would not move one inch eastward', '', '', 0, 10, 1, now())`,
  );

  // Highlights in first, then linked to their claims in one statement, as a bundle import does.
  await c.query(
    `INSERT INTO "Annotation" (id, "workspaceId", "articleId", "claimId", exact, prefix, suffix, start, "end", "anchoredRevision", "deletedAt", "createdAt", "updatedAt") VALUES
     ${[
       mention("m20", "a-en", null, "Russia demanded legal guarantees"),
       mention("m21", "a-ru", null, "Рябков заявил в Женеве 10 января"),
       mention("m22", "a-uk", null, "Рябков заявив у Женеві"),
       mention("m23", "a-uk", null, "гарантії безпеки для України"),
     ].join(", ")}`,
  );
  await c.query(
    `UPDATE "Annotation" a SET "claimId" = l."claimId"
       FROM unnest(ARRAY['m20', 'm21', 'm22', 'm23'], ARRAY['c1', 'c2', 'c2', 'c-uk']) AS l(id, "claimId") WHERE a.id = l.id`,
  );

  // Relations: several in one statement, then one alone, one moved, one deleted.
  await c.query(
    `INSERT INTO "ClaimRelation" (id, "workspaceId", "fromId", "toId", type) VALUES
       ('r1', 'w1', 'c0', 'c1', 'supports'), ('r2', 'w1', 'c0', 'c2', 'related'), ('r3', 'w1', 'c3', 'c0', 'contradicts'), ('r4', 'w1', 'c5', 'c6', 'related')`,
  );
  await c.query(`INSERT INTO "ClaimRelation" (id, "workspaceId", "fromId", "toId", type) VALUES ('r5', 'w1', 'c7', 'c8', 'related')`);
  await c.query(`UPDATE "ClaimRelation" SET "toId" = 'c9' WHERE id = 'r4'`);
  await c.query(`DELETE FROM "ClaimRelation" WHERE id = 'r2'`);

  // Statement edits: one claim, then several in one statement (a one-row update first, then a many-row one in the same session).
  await c.query(`UPDATE "Claim" SET statement = 'Лавров и Блинкен встретились в Женеве 21 января 2022 года', "updatedAt" = now() WHERE id = 'c0'`);
  await c.query(`UPDATE "Claim" SET statement = statement || ' (updated)', claimant = coalesce(claimant, 'Unknown'), "updatedAt" = now() WHERE id IN ('c1', 'c3', 'c6', 'c7')`);
  await c.query(`UPDATE "Claim" SET language = 'ru' WHERE id = 'c8'`);
  // Review state, verdicts and tags of many claims at once (tallies, tag counts).
  await c.query(`UPDATE "Claim" SET "reviewState" = 'approved', verdict = 'false', tags = tags || '{checked}' WHERE id IN ('c1', 'c2', 'c3', 'c4', 'c5')`);
  await c.query(`UPDATE "Claim" SET tags = '{}' WHERE id = 'c6'`);

  // Highlights: moved to another claim, edited, soft-deleted and restored, deleted for good (several in one statement).
  await c.query(`UPDATE "Annotation" SET "claimId" = 'c3' WHERE id = 'm7'`);
  await c.query(`UPDATE "Annotation" SET exact = 'Москва потребовала юридических гарантий' WHERE id = 'm4'`);
  await c.query(`UPDATE "Annotation" SET "deletedAt" = now() WHERE id = 'm9'`);
  await c.query(`UPDATE "Annotation" SET "deletedAt" = NULL WHERE id = 'm5'`);
  await c.query(`UPDATE "Annotation" SET start = 5, "end" = 15 WHERE "articleId" = 'a-ru'`);
  await c.query(`DELETE FROM "Annotation" WHERE id IN ('m3', 'm8')`);

  // A merge as the app does it: the merged claim's mentions to the survivor, then the claim marked merged.
  await c.query(`UPDATE "Annotation" SET "claimId" = 'c4' WHERE "claimId" = 'c5'`);
  await c.query(`UPDATE "Claim" SET "mergedIntoId" = 'c4', "mergedAt" = now() WHERE id = 'c5'`);
  // Deleted and restored; deleted for good.
  await c.query(`UPDATE "Claim" SET "deletedAt" = now() WHERE id IN ('c7', 'c9')`);
  await c.query(`UPDATE "Claim" SET "deletedAt" = NULL WHERE id = 'c10'`);
  await c.query(`DELETE FROM "Claim" WHERE id = 'c8'`);
  // Mixed many-row statements: some rows change what postings and embeddings follow, the others don't.
  await c.query(
    `UPDATE "Claim" SET statement = CASE WHEN id = 'c2' THEN statement || ' — repeated' ELSE statement END,
       "deletedAt" = CASE WHEN id = 'c3' THEN now() ELSE "deletedAt" END, verdict = 'mixed'
     WHERE id IN ('c2', 'c3', 'c6', 'c-uk')`,
  );
  await c.query(
    `UPDATE "Annotation" SET exact = CASE WHEN id = 'm1' THEN exact || ' repeated' ELSE exact END,
       "claimId" = CASE WHEN id = 'm11' THEN NULL ELSE "claimId" END, start = start + 1
     WHERE "articleId" = 'a-en'`,
  );
  // An article's language: the documents of the claims it mentions.
  await c.query(`UPDATE "Article" SET language = 'ru' WHERE id = 'a-x'`);
}

type Derived = Record<string, unknown[]>;

async function derived(c: pg.Client): Promise<Derived> {
  const rows = async (sql: string) => (await c.query(sql)).rows;
  return {
    claims: await rows(`SELECT id, "searchVector"::text AS sv, "articleCount", "relationCount" FROM "Claim" ORDER BY id`),
    postings: await rows(`SELECT "claimId", "workspaceId", lexeme, impact FROM "ClaimSearchTerm" ORDER BY 1, 3`),
    vocabulary: await rows(`SELECT "workspaceId", lexeme FROM "SearchLexeme" ORDER BY 1, 2`),
    tallies: await rows(`SELECT "workspaceId", verdict, "reviewState", "claimCount" FROM "WorkspaceClaimTally" ORDER BY 1, 2, 3`),
    tags: await rows(`SELECT "workspaceId", tag, "claimCount" FROM "WorkspaceTag" ORDER BY 1, 2`),
    embeddingJobs: await rows(`SELECT kind, "sourceId", attempts, "lastError" FROM "EmbeddingJob" ORDER BY 1, 2`),
  };
}

/** search_piece as migration search_document_plpgsql defined it (name_keys appends the name keys). */
const PIECE_BEFORE_NAME_KEYS = `
CREATE OR REPLACE FUNCTION "search_piece"(t TEXT, lang TEXT, w "char") RETURNS tsvector LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  c TEXT := "search_clean"(t);
BEGIN
  RETURN setweight("search_words"(coalesce(c, ''), coalesce(lang, "search_guess_language"(coalesce(c, ''))))
      || to_tsvector('simple', array_to_string("search_signals"(c), ' '))
      || to_tsvector('english', array_to_string("search_names"(c), ' ')), w);
END
$$`;

describe("search documents, postings and tallies kept per statement", () => {
  let before: { url: string; drop: () => Promise<void> };
  let after: { url: string; drop: () => Promise<void> };

  beforeAll(async () => {
    before = await databaseBefore(FIRST);
    after = await migratedDatabase();
    // What is compared is how the triggers keep documents, not what a document holds: migration name_keys
    // (later) adds name keys to every piece, so the new database builds pieces as search_document_plpgsql did.
    await onDatabase(after.url, (c) => c.query(PIECE_BEFORE_NAME_KEYS));
  });

  afterAll(async () => {
    await before?.drop();
    await after?.drop();
  });

  it("gives exactly what the per-row triggers and SQL functions gave, and what a fresh computation gives", async () => {
    await onDatabase(before.url, scriptedWrites);
    await onDatabase(after.url, scriptedWrites);
    const old = await onDatabase(before.url, derived);
    const now = await onDatabase(after.url, derived);
    expect(now).toEqual(old);

    // Not a comparison of two empty sets: Russian and Ukrainian stems, names, dates and numbers are in.
    const lexemes = (now.postings as { claimId: string; lexeme: string }[]).map((p) => `${p.claimId}:${p.lexeme}`);
    expect(lexemes).toEqual(expect.arrayContaining(["c2:рябк", "c-uk:гарант", "c0:лавр", "c0:sergey", "c0:0d20220121", "c2:гарант", "c4:гарант", "c-uk:питанн", "c6:0n9p1"]));
    expect(lexemes.some((l) => l.startsWith("c5:") || l.startsWith("c7:"))).toBe(false); // merged, deleted
    expect(lexemes.some((l) => l.startsWith("c10:"))).toBe(true); // inserted deleted, then restored
    expect(lexemes.some((l) => l.startsWith("c9:") || l.startsWith("c8:"))).toBe(false);
    expect(lexemes.some((l) => l.startsWith("c3:"))).toBe(false); // deleted by a many-row update that left others standing
    expect(lexemes).toEqual(expect.arrayContaining(["c2:repeat", "c0:repeat"])); // a statement, a quote changed by many-row updates
    // Statements and quotes queued: every claim inserted, the highlights linked, edited, moved, unlinked.
    const jobs = (now.embeddingJobs as { kind: string; sourceId: string }[]).map((j) => `${j.kind}:${j.sourceId}`);
    expect(jobs).toEqual(expect.arrayContaining(["statement:c0", "statement:c-uk", "statement:c-w2", "quote:m1", "quote:m11", "quote:m20", "quote:m7"]));

    await onDatabase(after.url, async (c) => {
      const fresh = await c.query(
        `SELECT c.id FROM "Claim" c
          WHERE c."searchVector" IS DISTINCT FROM "claim_search_document"(c.id, c.statement, c.claimant, c.language)
             OR c."articleCount" <> (SELECT count(DISTINCT a."articleId") FROM "Annotation" a WHERE a."claimId" = c.id AND a."deletedAt" IS NULL)
             OR c."relationCount" <> (SELECT count(*) FROM "ClaimRelation" r WHERE r."fromId" = c.id OR r."toId" = c.id)
             OR (c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL) IS DISTINCT FROM EXISTS (SELECT 1 FROM "ClaimSearchTerm" t WHERE t."claimId" = c.id)`,
      );
      expect(fresh.rows).toEqual([]);
      const tally = await c.query(
        `SELECT "workspaceId", coalesce(verdict, '') AS verdict, "reviewState", count(*)::int AS n FROM "Claim"
          WHERE "deletedAt" IS NULL AND "mergedIntoId" IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      );
      expect((now.tallies as { claimCount: number }[]).filter((t) => t.claimCount !== 0).map((t) => Object.values(t))).toEqual(tally.rows.map((t) => Object.values(t)));
      // Articles' claim progress (per statement, join-free since set_based_postings_embeddings) equals a fresh count.
      const progress = await c.query(
        `SELECT p."articleId" FROM "ArticleClaimProgress" p
          LEFT JOIN (SELECT n."articleId", count(DISTINCT cl.id)::int AS claims, (count(DISTINCT cl.id) FILTER (WHERE cl.verdict IS NOT NULL))::int AS with_verdict
                       FROM "Annotation" n JOIN "Claim" cl ON cl.id = n."claimId" AND cl."deletedAt" IS NULL AND cl."mergedIntoId" IS NULL
                      WHERE n."deletedAt" IS NULL GROUP BY n."articleId") x ON x."articleId" = p."articleId"
          WHERE p.claims <> coalesce(x.claims, 0) OR p."withVerdict" <> coalesce(x.with_verdict, 0)`,
      );
      expect(progress.rows).toEqual([]);
      expect((await c.query(`SELECT sum(claims)::int AS n FROM "ArticleClaimProgress"`)).rows[0].n).toBeGreaterThan(3);
      const c0 = await c.query(`SELECT "articleCount", "relationCount" FROM "Claim" WHERE id = 'c0'`);
      expect(c0.rows[0]).toEqual({ articleCount: 2, relationCount: 2 });
    });
  });
});
