import { describe, expect, it } from "vitest";
import { DATE_MESSAGE } from "./dates";
import { checkFileDetails, EMPTY_FILE_DETAILS } from "./file-details";
import { importRequestSchema } from "./import";

describe("details given per uploaded file", () => {
  it("blank fields are not sent; given ones are trimmed and accepted by the import's own schema", () => {
    expect(checkFileDetails(EMPTY_FILE_DETAILS)).toEqual({ ok: true, fields: {} });
    const checked = checkFileDetails({ title: "  Bridge to close ", publisher: "Daily", url: "https://news.example/bridge", publishedAt: "2024-03-01" });
    expect(checked).toEqual({ ok: true, fields: { title: "Bridge to close", publisher: "Daily", url: "https://news.example/bridge", publishedAt: "2024-03-01" } });
    expect(importRequestSchema.safeParse({ content: "Text.", ...(checked.ok ? checked.fields : {}) }).success).toBe(true);
  });

  it("each invalid field is named with the import's own message, and its code for the reader's language", () => {
    expect(checkFileDetails({ ...EMPTY_FILE_DETAILS, url: "news.example/bridge", publishedAt: "0999-12-31", publisher: "x".repeat(201) })).toEqual({
      ok: false,
      errors: { url: "Use a full http:// or https:// address.", publishedAt: DATE_MESSAGE, publisher: "Keep the publisher under 200 characters." },
      codes: { url: { code: "invalid_url" }, publishedAt: { code: "invalid_date" }, publisher: { code: "too_long", limit: 200 } },
    });
    expect(checkFileDetails({ ...EMPTY_FILE_DETAILS, title: "Nul\u0000" })).toMatchObject({ ok: false, errors: { title: expect.any(String) } });
  });
});
