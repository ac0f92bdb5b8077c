import { describe, expect, it } from "vitest";
import { z } from "zod";
import { articleMetadataSchema } from "@/lib/articles/metadata";
import { urlPreviewRequestSchema } from "@/lib/articles/preview-url-import";
import { auditFilterSchema, parseAuditFilter } from "@/lib/audit/filters";
import { DomainError, invalidInput } from "@/lib/errors";
import { text } from "@/lib/validation/text";
import { calendarDate } from "@/lib/validation/date";
import { zodFieldCodes } from "./error-codes";

const codesOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error("expected a failure");
  return zodFieldCodes(r.error.issues);
};

describe("zodFieldCodes()", () => {
  it("names the common validation failures with a stable code and the limit broken", () => {
    const schema = z.object({
      name: z.string({ error: "Give a name." }).min(1, "Give a name.").max(5, "Too long."),
      nick: z.string().min(3, "Short."),
      email: z.email("Bad e-mail."),
      site: z.url("Bad URL."),
      tags: z.array(z.string()).max(2, "Fewer tags."),
      level: z.int().min(1).max(10),
      role: z.enum(["admin", "viewer"], { error: "Pick a role." }),
      missing: z.string({ error: "Required here." }),
    });
    expect(codesOf(schema, { name: "abcdefgh", nick: "ab", email: "x", site: "no", tags: ["a", "b", "c"], level: 11, role: "owner" })).toEqual({
      name: { code: "too_long", limit: 5 },
      nick: { code: "too_short", limit: 3 },
      email: { code: "invalid_email" },
      site: { code: "invalid_url" },
      tags: { code: "too_many", limit: 2 },
      level: { code: "too_big", limit: 10 },
      role: { code: "not_allowed" },
      missing: { code: "required" },
    });
    expect(codesOf(schema.pick({ name: true }), { name: "" })).toEqual({ name: { code: "required" } });
  });

  it("tells a value of the wrong kind from a missing one when the input is reported (as the request pipeline parses)", () => {
    const schema = z.object({ limit: z.int().min(1).max(50), term: z.string(), exclude: z.array(z.string()) });
    const r = schema.safeParse({ limit: "5", term: 5, exclude: "abc" }, { reportInput: true });
    expect(zodFieldCodes(r.error!.issues)).toEqual({ limit: { code: "wrong_type" }, term: { code: "wrong_type" }, exclude: { code: "wrong_type" } });
    const missing = schema.safeParse({}, { reportInput: true });
    expect(zodFieldCodes(missing.error!.issues)).toEqual({ limit: { code: "required" }, term: { code: "required" }, exclude: { code: "required" } });
  });

  it("knows our own refinements: dates, unstorable text, and codes a refinement names itself", () => {
    expect(codesOf(z.object({ d: calendarDate() }), { d: "2024-02-30" })).toEqual({ d: { code: "invalid_date" } });
    expect(codesOf(z.object({ s: text() }), { s: "a\u0000b" })).toEqual({ s: { code: "unstorable_text" } });
    expect(codesOf(articleMetadataSchema, { title: "T", url: "ftp://x", language: "zz-invalid-123", publishedAt: "2022-13-01" })).toEqual({
      url: { code: "invalid_url" },
      language: { code: "invalid_language" },
      publishedAt: { code: "invalid_date" },
    });
    expect(codesOf(articleMetadataSchema, { title: "" })).toEqual({ title: { code: "required" } });
    expect(codesOf(auditFilterSchema, { from: "2024-05-02", to: "2024-05-01" })).toEqual({ to: { code: "date_order" } });
    expect(codesOf(urlPreviewRequestSchema, { urls: Array.from({ length: 21 }, (_, i) => `https://example.org/${i}`) })).toEqual({ urls: { code: "too_many", limit: 20 } });
    expect(codesOf(urlPreviewRequestSchema, { urls: [""] })).toEqual({ urls: { code: "required" } });
    // Anything else is a plain "invalid": the UI then keeps the server's English reason.
    expect(codesOf(z.object({ x: z.string().refine(() => false, "Nope.") }), { x: "a" })).toEqual({ x: { code: "invalid" } });
  });
});

describe("invalidInput()", () => {
  it("keeps the English messages per field and adds the codes under the same (renamed) names", () => {
    const r = z.object({ metadata: z.object({ title: z.string().max(3, "Keep it short.") }) }).safeParse({ metadata: { title: "long" } });
    const err = invalidInput("Some fields are invalid.", r.error!, (p) => p.replace(/^metadata\./, ""));
    expect(err).toBeInstanceOf(DomainError);
    expect(err.status).toBe(400);
    expect(err.fields).toEqual({ title: "Keep it short." });
    expect(err.extra).toEqual({ code: "invalid_fields", fieldCodes: { title: { code: "too_long", limit: 3 } } });
  });

  it("parseAuditFilter names every bad filter with its code (the page translates them)", () => {
    let caught: unknown;
    try {
      parseAuditFilter({ kind: "nope", from: "2024-02-30" });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DomainError);
    const err = caught as DomainError;
    expect(Object.keys(err.fields).sort()).toEqual(["from", "kind"]);
    expect(err.extra.fieldCodes).toEqual({ kind: { code: "not_allowed" }, from: { code: "invalid_date" } });
  });
});
