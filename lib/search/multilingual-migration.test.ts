import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { databaseBefore, onDatabase as onServer } from "@/lib/testing/database-before";

/**
 * Migration multilingual_search on an installation that has claims: their
 * search documents (and postings) were built in 'english' before it, and must
 * be rebuilt, each text in its own language with the cross-language signals.
 */
const THIS = "multilingual_search";

describe("migration multilingual_search", () => {
  let url: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ url, drop } = await databaseBefore(THIS));
  });

  afterAll(async () => {
    await drop?.();
  });

  it("rebuilds existing documents and postings: Russian quotes stemmed as Russian, dates and names across languages", async () => {
    const terms = (c: pg.Client, claimId: string) =>
      c.query<{ lexeme: string }>(`SELECT "lexeme" FROM "ClaimSearchTerm" WHERE "claimId" = $1 ORDER BY 1`, [claimId]).then((r) => r.rows.map((x) => x.lexeme));
    await onServer(url, async (c) => {
      await c.query(`INSERT INTO "Workspace" (id, slug, name) VALUES ('w1', 'w1', 'Newsroom')`);
      await c.query(`INSERT INTO "Article" (id, "workspaceId", title, doc, text, "contentHash", language, "updatedAt") VALUES ('a1', 'w1', 'Статья', '{}', 'текст', 'h1', 'ru', now())`);
      await c.query(`INSERT INTO "Claim" (id, "workspaceId", statement, "updatedAt") VALUES ('c1', 'w1', 'Lavrov met Blinken on 21 January 2022', now()), ('c2', 'w1', 'Росія вимагає гарантій', now())`);
      await c.query(
        `INSERT INTO "Annotation" (id, "workspaceId", "articleId", "claimId", exact, prefix, suffix, start, "end", "anchoredRevision", "updatedAt")
         VALUES ('n1', 'w1', 'a1', 'c1', 'Сергей Лавров потребовал гарантии', '', '', 0, 10, 1, now())`,
      );
      // Before: everything in 'english', so the Russian word is kept whole and no signal exists.
      expect(await terms(c, "c1")).toContain("гарантии");
      expect(await terms(c, "c1")).not.toContain("0d20220121");
    });

    await migrate(url);

    await onServer(url, async (c) => {
      const c1 = await terms(c, "c1");
      expect(c1).toEqual(expect.arrayContaining(["гарант", "lavrov", "sergey", "0d20220121", "0m202201", "0dm0121", "blinken"]));
      expect(c1).not.toContain("гарантии");
      // The Ukrainian statement (language guessed from its script) through our own stemmer.
      expect(await terms(c, "c2")).toEqual(expect.arrayContaining(["гарант", "вимага", "russia"]));
      const vocabulary = await c.query(`SELECT count(*)::int AS n FROM "SearchLexeme" WHERE "workspaceId" = 'w1' AND "lexeme" = '0d20220121'`);
      expect(vocabulary.rows[0].n).toBe(1);
    });
  });
});
