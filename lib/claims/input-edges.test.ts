import { afterEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import * as claims from "@/app/api/w/[slug]/claims/route";
import * as bulk from "@/app/api/w/[slug]/claims/bulk/route";
import * as claim from "@/app/api/w/[slug]/claims/[claimId]/route";
import * as sources from "@/app/api/w/[slug]/claims/[claimId]/sources/route";
import { claimWorld, source } from "./test-world";

/**
 * Claim input at the edges (issue 9 §2): text PostgreSQL can't store, dates
 * it can't hold or that don't exist, ids and cursors that aren't ours. Each
 * is a 400 naming the field, with nothing written; before, most were a 500.
 */
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
afterEach(() => {
  session.user = null;
});

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function send(handler: unknown, method: string, params: Record<string, string>, body?: unknown, query = "") {
  const req = new Request(`http://localhost/api/x${query}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const res = await (handler as Handler)(req, { params: Promise.resolve(params) });
  return { status: res.status, body: (await res.json()) as { errors?: Record<string, string> } };
}

async function world() {
  const w = await claimWorld();
  const c = await w.claim("about 40,000 vehicles a day");
  session.user = w.annotator;
  const row = () => db.claim.findUniqueOrThrow({ where: { id: c.id }, select: { version: true, statement: true, claimant: true, claimDate: true, tags: true } });
  return { ...w, c, p: { slug: w.workspace.slug, claimId: c.id }, before: await row(), row };
}

describe("claim changes with input PostgreSQL can't take", () => {
  it("a NUL or a lone surrogate in any text field is a 400 naming it, and nothing changes", async () => {
    const w = await world();
    for (const [field, value] of [
      ["statement", "About\u0000 40,000"],
      ["claimant", "Council\uD800"],
      ["tags", ["ok", "bad\u0000"]],
    ] as const) {
      const res = await send(claim.PATCH, "PATCH", w.p, { version: w.c.version, [field]: value });
      expect(res.status, field).toBe(400);
      expect(Object.keys(res.body.errors ?? {}).join(), field).toContain(field);
    }
    const note = await send(sources.POST, "POST", w.p, { ...source(w.c.version), note: "x\u0000" });
    expect(note.status).toBe(400);
    expect(note.body.errors).toHaveProperty("note");
    expect(await w.row()).toEqual(w.before);
    expect(await db.source.count({ where: { claimId: w.c.id } })).toBe(0);
  });

  it("a statement with a direction override or isolate is a 400 `direction_control`; one taken from a highlight drops them (black-box B7)", async () => {
    const w = await world();
    for (const statement of ["Unterminated override \u202Egnirts desrever", "a \u202Dforced\u202C b", "x \u2067isolated\u2069 y"]) {
      const res = await send(claim.PATCH, "PATCH", w.p, { version: w.c.version, statement });
      expect(res.status, JSON.stringify(statement)).toBe(400);
      expect((res.body as { fieldCodes?: Record<string, { code: string }> }).fieldCodes?.statement?.code).toBe("direction_control");
    }
    expect(await w.row()).toEqual(w.before);
    // Right-to-left text with its marks is a statement like any other.
    const hebrew = await send(claim.PATCH, "PATCH", w.p, { version: w.c.version, statement: "\u05E9\u05DC\u05D5\u05DD\u200F 40,000" });
    expect(hebrew.status).toBe(200);
    // An article that holds an override: the claim made from its highlight shows what it stores.
    const article = await w.article("Override \u202Edesrever\u202C inside");
    const fromHighlight = await w.claim("Override \u202Edesrever\u202C inside", { on: article });
    expect(fromHighlight.statement).toBe("Override desrever inside");
  });

  it("a statement or tag of only invisible characters is a 400 `required` on the field, as an empty one is (finding T3)", async () => {
    const w = await world();
    for (const statement of ["   \u200B ", "\u2060\u00AD\u200D", "\uFEFF\u200C"]) {
      const res = await send(claim.PATCH, "PATCH", w.p, { version: w.c.version, statement });
      expect(res.status, JSON.stringify(statement)).toBe(400);
      expect((res.body as { fieldCodes?: Record<string, { code: string }> }).fieldCodes?.statement?.code).toBe("required");
    }
    const tag = await send(claim.PATCH, "PATCH", w.p, { version: w.c.version, tags: ["ok", "\u2060"] });
    expect(tag.status).toBe(400);
    expect(Object.keys(tag.body.errors ?? {}).join()).toContain("tags");
    const created = await send(claims.POST, "POST", { slug: w.workspace.slug }, { statement: "\u200B" });
    expect(created.status).toBe(400);
    expect(created.body.errors).toHaveProperty("statement");
    expect(await w.row()).toEqual(w.before);
    // Visible text with such characters inside stays as written.
    const ok = await send(claim.PATCH, "PATCH", w.p, { version: w.c.version, statement: "About 40\u00AD000 vehicles" });
    expect(ok.status).toBe(200);
  });

  it("a statement's CR and CRLF line ends are stored as LF, as the claim page shows them (black-box, session 31)", async () => {
    const w = await world();
    const res = await send(claim.PATCH, "PATCH", w.p, { version: w.c.version, statement: "Line one\r\nline two\rthree\nfour\r\n" });
    expect(res.status).toBe(200);
    expect((await w.row()).statement).toBe("Line one\nline two\nthree\nfour");
  });

  it("claim dates must be real dates in years 1–9999: year 0, negative years, 10000 and 30 February are 400 on claimDate", async () => {
    const w = await world();
    for (const date of ["0000-01-01", "-000001-01-01", "10000-01-01", "+010000-01-01T00:00:00Z", "2024-02-30", "2024-05-01T12:00"]) {
      const res = await send(claim.PATCH, "PATCH", w.p, { version: w.c.version, claimDate: date });
      expect(res.status, date).toBe(400);
      expect(res.body.errors, date).toHaveProperty("claimDate");
    }
    const src = await send(sources.POST, "POST", w.p, { ...source(w.c.version), publishedAt: "0000-01-01" });
    expect(src.status).toBe(400);
    expect(src.body.errors).toHaveProperty("publishedAt");
    expect(await w.row()).toEqual(w.before);
    const ok = await send(claim.PATCH, "PATCH", w.p, { version: w.c.version, claimDate: "0001-01-01" });
    expect(ok.status).toBe(200);
    expect((await w.row()).claimDate?.toISOString()).toBe("0001-01-01T00:00:00.000Z");
  });

  it("a version past PostgreSQL's integer is a 400 on version", async () => {
    const w = await world();
    const res = await send(claim.PATCH, "PATCH", w.p, { version: 99999999999, statement: "x" });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveProperty("version");
  });

  it("ids that can't be ours (NUL, slashes, 5,000 characters) are a 400 naming the field", async () => {
    const w = await world();
    const res = await send(bulk.POST, "POST", { slug: w.workspace.slug }, { action: "submit", claimIds: [w.c.id, "a\u0000b"] });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveProperty("claimIds.1");
    const assign = await send(bulk.POST, "POST", { slug: w.workspace.slug }, { action: "assign", claimIds: [w.c.id], assigneeId: "../x" });
    expect(assign.status).toBe(400);
    expect(assign.body.errors).toHaveProperty("assigneeId");
    const create = await send(claims.POST, "POST", { slug: w.workspace.slug }, { annotationId: "c".repeat(5000) });
    expect(create.status).toBe(400);
    expect(create.body.errors).toHaveProperty("annotationId");
    expect(await w.row()).toEqual(w.before);
  });

  it("list filters and cursors with a NUL are a 400 naming the parameter", async () => {
    const w = await world();
    const cursor = (value: unknown) => encodeURIComponent(Buffer.from(JSON.stringify(value)).toString("base64url"));
    for (const [query, field] of [
      ["?tag=a%00b", "tag"],
      ["?claimant=%00", "claimant"],
      ["?q=x%00", "q"],
      ["?assignee=%00", "assignee"],
      ["?articleId=a%00", "articleId"],
      [`?cursor=${cursor(["updated", "2024-05-01T00:00:00.000Z", "a\u0000"])}`, "cursor"],
      [`?sort=statement&cursor=${cursor(["statement", "x\u0000", "abc"])}`, "cursor"],
      // A time-sorted list compares the cursor's value with a timestamp: it must be a time PostgreSQL can hold.
      [`?cursor=${cursor(["updated", "garbage", "abc"])}`, "cursor"],
      [`?sort=created&cursor=${cursor(["created", "0000-01-01T00:00:00.000Z", "abc"])}`, "cursor"],
      [`?cursor=${cursor(["updated", "-271821-04-20T00:00:00.000Z", "abc"])}`, "cursor"],
    ]) {
      const res = await send(claims.GET, "GET", { slug: w.workspace.slug }, undefined, query);
      expect(res.status, query).toBe(400);
      expect(res.body.errors, query).toHaveProperty(field);
    }
  });
});
