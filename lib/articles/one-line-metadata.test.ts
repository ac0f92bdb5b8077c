import { describe, expect, it } from "vitest";
import * as ar from "@/lib/api-v1/endpoints/articles";
import { apiWorld, call } from "@/lib/api-v1/testing";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { issueCode } from "@/lib/http/error-codes";
import { importedLine } from "@/lib/validation/text";
import { editArticle } from "./edit-article";
import { checkFileDetails, EMPTY_FILE_DETAILS } from "./file-details";
import { importArticle } from "./import";
import { articleMetadataSchema } from "./metadata";

/**
 * N14b-7: an article's title, publisher, author and tags are one line, like people's and workspaces' names. Typed
 * (forms, API v1, the paste/import request's own fields) a line break, tab, control or direction control is refused
 * with one_line at its field; imported (a file's or page's own metadata) it is collapsed onto one line.
 */
const BAD = ["two\nlines", "tab\there", "a\u202Eb", "bell\u0007"];

function refusal(input: unknown) {
  const result = articleMetadataSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => ({ path: i.path.join("."), code: issueCode(i).code }));
}

describe("article metadata on one line", () => {
  it("the metadata schema refuses each field with one_line, naming it; the browser's file details check says the same", () => {
    for (const bad of BAD) {
      expect(refusal({ title: `Bridge ${bad}` })).toEqual([{ path: "title", code: "one_line" }]);
      expect(refusal({ title: "T", publisher: `Courier ${bad}` })).toEqual([{ path: "publisher", code: "one_line" }]);
      expect(refusal({ title: "T", author: `Ann ${bad}` })).toEqual([{ path: "author", code: "one_line" }]);
      expect(refusal({ title: "T", tags: ["ok", `tag ${bad}`] })).toEqual([{ path: "tags.1", code: "one_line" }]);
    }
    // Leading and trailing line breaks are trimmed, not refused; other scripts and joiners are fine.
    expect(articleMetadataSchema.parse({ title: "\nМіст закрито 👩‍💻\n", tags: ["транспорт"] })).toMatchObject({ title: "Міст закрито 👩‍💻", tags: ["транспорт"] });
    const checked = checkFileDetails({ ...EMPTY_FILE_DETAILS, title: "Bridge\tclosure", publisher: "Courier\u2066x\u2069" });
    expect(checked).toMatchObject({ ok: false, codes: { title: { code: "one_line" }, publisher: { code: "one_line" } } });
  });

  it("typed: an import's given title, the API v1 create and edit refuse it (400 naming the field); nothing is written", async () => {
    const w = await apiWorld();
    const ws = { workspaceId: w.workspace.id, actorId: w.admin.id };
    const before = await db.article.count({ where: { workspaceId: w.workspace.id } });
    const err = await importArticle({ ...ws, content: "Body text.\n\nMore.", metadata: { title: "Bridge\nclosure" } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).status).toBe(400);
    expect(Object.keys((err as DomainError).fields)).toEqual(["title"]);

    const created = await call(ar.createArticle, { token: w.tokens.annotator, params: { ws: w.ws }, body: { content: "Body text.\n\nMore.", title: "Bridge", author: "Ann\tLee" } });
    expect(created.status).toBe(400);
    expect(created.body).toMatchObject({ fieldCodes: { author: { code: "one_line" } } });
    const edited = await call(ar.updateArticleEndpoint, { token: w.tokens.admin, params: { ws: w.ws, articleId: w.first.id }, body: { version: 1, tags: ["ok", "new\nline"] } });
    expect(edited.status).toBe(400);
    expect(JSON.stringify(edited.body)).toContain("one_line");
    expect(await db.article.count({ where: { workspaceId: w.workspace.id } })).toBe(before);
    expect((await db.article.findUniqueOrThrow({ where: { id: w.first.id } })).revision).toBe(1);
  });

  it("imported: a page's own title and author come in on one line; a title stored on two lines doesn't block an edit of another field", async () => {
    const w = await apiWorld();
    const ws = { workspaceId: w.workspace.id, actorId: w.admin.id };
    const html = `<html><head><title>Bridge\u202E closure</title><meta name="author" content="Ann\u0007 Lee"></head><body><p>The bridge closes in May, the council said.</p></body></html>`;
    const { article } = await importArticle({ ...ws, format: "html", content: html });
    const stored = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect([stored.title, stored.author]).toEqual(["Bridge closure", "Ann Lee"]);

    // Stored before the rule (or by another path): editing the author puts the title on one line as well.
    await db.article.update({ where: { id: w.first.id }, data: { title: "Old\ntitle" } });
    const access = await w.as(w.admin);
    await editArticle(access, w.first.id, { version: 1, author: "Rosa Lindgren" });
    const after = await db.article.findUniqueOrThrow({ where: { id: w.first.id } });
    expect([after.title, after.author, after.revision]).toEqual(["Old title", "Rosa Lindgren", 2]);
  });

  it("importedLine: breaks and controls become one space, invisible direction characters go", () => {
    expect(importedLine("  Bridge\r\n\tclosure\u2028now  ")).toBe("Bridge closure now");
    expect(importedLine("Kyi\u200Bv \u202Ereport\u202C")).toBe("Kyiv report");
  });
});
