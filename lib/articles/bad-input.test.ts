import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { authorize } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { createArticle } from "./create-article";
import { DATE_MESSAGE, parseCalendarDate } from "./dates";
import { docFromParagraphs } from "./document";
import { getArticle } from "./get-article";
import { importArticle } from "./import";
import { listArticles } from "./list-articles";
import { articleMetadataSchema } from "./metadata";
import { NUL_MESSAGE, SURROGATE_MESSAGE } from "@/lib/validation/text";
import { articleEditSchema, updateArticle } from "./update-article";

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

async function setup() {
  const { workspace, admin } = await makeWorkspace();
  return { workspace, admin, ws: { workspaceId: workspace.id, actorId: admin.id } };
}

const count = (workspaceId: string) => db.article.count({ where: { workspaceId } });

describe("article dates", () => {
  it("accepts only real calendar dates in the years 1000–9999", () => {
    for (const bad of ["10000-01-01", "0000-01-01", "-000001-01-01", "+010000-01-01", "0999-12-31", "2023-02-29", "2024-04-31", "2024-13-01", "2024-01-01T24:00Z", "9999-12-31T23:00:00-05:00", "Jan 5, 2024", "2024"]) {
      expect(parseCalendarDate(bad), bad).toBeNull();
      const parsed = articleMetadataSchema.safeParse({ title: "T", publishedAt: bad });
      expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message]), bad).toEqual([["publishedAt", DATE_MESSAGE]]);
    }
    expect(parseCalendarDate("2024-02-29")?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(parseCalendarDate("1000-01-01")?.toISOString()).toBe("1000-01-01T00:00:00.000Z");
    expect(parseCalendarDate("9999-12-31")?.toISOString()).toBe("9999-12-31T00:00:00.000Z");
    expect(parseCalendarDate("2022-01-27T10:00:00+01:00")?.toISOString()).toBe("2022-01-27T09:00:00.000Z");
    expect(parseCalendarDate("2022-01-27T10:00:00.123Z")?.toISOString()).toBe("2022-01-27T10:00:00.123Z");
    expect(articleMetadataSchema.parse({ title: "T", publishedAt: new Date("2024-01-02") }).publishedAt?.toISOString()).toBe("2024-01-02T00:00:00.000Z");
    expect(articleMetadataSchema.safeParse({ title: "T", publishedAt: new Date("+010000-01-01") }).success).toBe(false);
  });

  it("an import or edit with an out-of-range date is a 400 naming publishedAt, and nothing is written", async () => {
    const { workspace, admin, ws } = await setup();
    for (const publishedAt of ["10000-01-01", "0000-01-01", "-000001-01-01"]) {
      const err = await rejection(importArticle({ ...ws, filename: "a.txt", content: "Headline\n\nBody text here.", metadata: { publishedAt } }));
      expect(err.status).toBe(400);
      expect(err.fields).toEqual({ publishedAt: DATE_MESSAGE });
    }
    expect(await count(workspace.id)).toBe(0);

    const created = await importArticle({ ...ws, filename: "a.txt", content: "Headline\n\nBody text here.", metadata: { publishedAt: "2024-03-01" } });
    const access = await authorize(admin.id, workspace.slug, "article.edit");
    const edit = articleEditSchema.safeParse({ baseRevision: 1, doc: docFromParagraphs(["Body text here."]), metadata: { title: "Headline", publishedAt: "10000-01-01" } });
    expect(edit.error?.issues.map((i) => i.path.join("."))).toEqual(["metadata.publishedAt"]);
    // The use case itself refuses it too, whoever calls it.
    const err = await rejection(updateArticle(access, created.article.id, { baseRevision: 1, doc: docFromParagraphs(["New text."]), metadata: { title: "Headline", tags: [], publishedAt: new Date("+010000-01-01") } }));
    expect(err.fields).toEqual({ publishedAt: DATE_MESSAGE });
    const row = await db.article.findUniqueOrThrow({ where: { id: created.article.id }, select: { revision: true, publishedAt: true } });
    expect(row).toEqual({ revision: 1, publishedAt: new Date("2024-03-01") });
  });

  it("the database refuses an out-of-range date, and the migration clears those already stored", async () => {
    const { workspace, ws } = await setup();
    const { article } = await importArticle({ ...ws, filename: "a.txt", content: "Headline\n\nBody text here." });
    await expect(db.$executeRawUnsafe(`UPDATE "Article" SET "publishedAt" = '10000-01-01' WHERE id = $1`, article.id)).rejects.toThrow(/Article_publishedAt_range/);
    await expect(db.$executeRawUnsafe(`UPDATE "Article" SET "publishedAt" = '0001-01-01 BC' WHERE id = $1`, article.id)).rejects.toThrow(/Article_publishedAt_range/);

    // As it was before the migration: a stored year-10000 date.
    const migration = readFileSync(path.join("prisma", "migrations", "20261130130000_article_date_range", "migration.sql"), "utf8");
    await db.$executeRawUnsafe(`ALTER TABLE "Article" DROP CONSTRAINT "Article_publishedAt_range"`);
    try {
      await db.$executeRawUnsafe(`UPDATE "Article" SET "publishedAt" = '10000-01-01' WHERE id = $1`, article.id);
      // Reading it doesn't break: the article page and the lists show no date.
      expect((await getArticle(workspace.id, article.id)).publishedAt).toBeNull();
      expect((await listArticles(workspace.id)).map((a) => a.publishedAt)).toEqual([null]);
    } finally {
      for (const statement of migration.replace(/--.*$/gm, "").split(";").map((s) => s.trim()).filter(Boolean)) await db.$executeRawUnsafe(statement);
    }
    const [row] = await db.$queryRawUnsafe<{ publishedAt: Date | null }[]>(`SELECT "publishedAt" FROM "Article" WHERE id = $1`, article.id);
    expect(row.publishedAt).toBeNull();
    await expect(db.$executeRawUnsafe(`UPDATE "Article" SET "publishedAt" = '10000-01-01' WHERE id = $1`, article.id)).rejects.toThrow(/Article_publishedAt_range/);
  });
});

describe("article text that PostgreSQL can't store", () => {
  it("NUL or a lone surrogate in any metadata field or the content is a 400 naming it; nothing is written", async () => {
    const { workspace, ws } = await setup();
    const content = "Headline\n\nBody text here.";
    const cases: [Parameters<typeof importArticle>[0], string, string][] = [
      [{ ...ws, content, metadata: { title: "a\u0000b" } }, "title", NUL_MESSAGE],
      [{ ...ws, content, metadata: { title: "a\ud800b" } }, "title", SURROGATE_MESSAGE],
      [{ ...ws, content, metadata: { author: "x\u0000" } }, "author", NUL_MESSAGE],
      [{ ...ws, content, metadata: { publisher: "\udfffx" } }, "publisher", SURROGATE_MESSAGE],
      [{ ...ws, content, metadata: { tags: ["ok", "t\u0000"] } }, "tags.1", NUL_MESSAGE],
      [{ ...ws, content, metadata: { url: "https://x.example/\u0000" } }, "url", NUL_MESSAGE],
      [{ ...ws, content: "Headline\n\nBody \ud83d text." }, "content", SURROGATE_MESSAGE],
      [{ ...ws, format: "html", content: "<p>Body \udc00 text.</p>" }, "content", SURROGATE_MESSAGE],
      [{ ...ws, format: "markdown", content: "\u0000PK\u0003".repeat(100) }, "content", "This is binary, or text saved as UTF-16: save it as UTF-8 text, or upload a PDF or .docx as such."],
    ];
    for (const [input, field, message] of cases) {
      const err = await rejection(importArticle(input));
      expect(err.status, field).toBe(400);
      expect(err.fields[field], field).toBe(message);
    }
    // A stray NUL in the content itself is taken out with the other control characters; the text around it is kept.
    const stray = await importArticle({ ...ws, format: "markdown", content: "# Stray\n\nBody\u0000 text\u0008 here." });
    expect((await db.article.findUniqueOrThrow({ where: { id: stray.article.id } })).text).toContain("Body text here.");
    await db.article.delete({ where: { id: stray.article.id } });
    // Built directly (the CLI, seeds, bundle import): the use case refuses it too.
    const bad = docFromParagraphs(["fine", "a\u0000b"]);
    const err = await rejection(createArticle({ ...ws, doc: bad, metadata: { title: "T", tags: [] } }));
    expect(err.fields).toEqual({ doc: NUL_MESSAGE });
    expect(await count(workspace.id)).toBe(0);
  });
});

describe("revision numbers", () => {
  it("a revision that can't exist is a 404 naming revision, not a database error", async () => {
    const { workspace, ws } = await setup();
    const { article } = await importArticle({ ...ws, filename: "a.txt", content: "Headline\n\nBody text here." });
    for (const revision of [99_999_999_999, 2_147_483_648, 0, -1, 1.5, Number.NaN]) {
      const err = await rejection(getArticle(workspace.id, article.id, revision));
      expect(err.status, String(revision)).toBe(404);
      expect(err.fields).toHaveProperty("revision");
    }
    expect((await rejection(getArticle(workspace.id, article.id, 2_147_483_647))).status).toBe(404);
    expect((await rejection(getArticle(workspace.id, "a\u0000b"))).status).toBe(404);
    expect((await getArticle(workspace.id, article.id, 1)).shownRevision).toBe(1);
    expect(articleEditSchema.safeParse({ baseRevision: 99_999_999_999, doc: docFromParagraphs(["x"]), metadata: { title: "T" } }).success).toBe(false);
  });
});
