import { afterEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { DEPTH_MESSAGE, MAX_DOC_DEPTH } from "@/lib/articles/safe-text";
import { NUL_MESSAGE, SURROGATE_MESSAGE } from "@/lib/validation/text";
import * as comments from "@/app/api/w/[slug]/claims/[claimId]/comments/route";
import * as verdict from "@/app/api/w/[slug]/claims/[claimId]/verdict/route";
import { nonEmptyRichTextSchema, richTextSchema } from "./rich-text";
import { claimWorld, explanation } from "./test-world";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
afterEach(() => {
  session.user = null;
});

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
function call(handler: Handler, method: string, params: Record<string, string>, body: unknown) {
  const req = new Request("http://localhost/api/x", { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return handler(req, { params: Promise.resolve(params) });
}

/** A rich document with `levels` blockquotes inside one another around one paragraph. */
function nested(levels: number) {
  let node: Record<string, unknown> = { type: "paragraph", content: [{ type: "text", text: "deep" }] };
  for (let i = 0; i < levels; i++) node = { type: "blockquote", content: [node] };
  return { type: "doc", content: [node] };
}

describe("rich text (comments, verdict explanations)", () => {
  it("refuses lone surrogates, NUL and deep nesting with one clear issue, without recursing", () => {
    const cases: [unknown, string][] = [
      [explanation("broken \ud83d pair"), SURROGATE_MESSAGE],
      [explanation("trailing \udc00"), SURROGATE_MESSAGE],
      [explanation("nul \u0000 here"), NUL_MESSAGE],
      [nested(1_000), DEPTH_MESSAGE],
      [nested(100_000), DEPTH_MESSAGE],
    ];
    for (const [doc, message] of cases) {
      const parsed = richTextSchema.safeParse(doc);
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues.map((i) => i.message)).toEqual([message]);
    }
    // A surrogate pair (an emoji) is fine, and so is nesting people really write.
    expect(nonEmptyRichTextSchema.safeParse(explanation("fine 😀")).success).toBe(true);
    expect(richTextSchema.safeParse(nested(MAX_DOC_DEPTH - 3)).success).toBe(true);
    expect(richTextSchema.safeParse(nested(MAX_DOC_DEPTH)).success).toBe(false);
  });

  it("a comment or an explanation with them is a 400 naming the field, and nothing is written", async () => {
    const w = await claimWorld();
    const c = await w.claim("about 40,000 vehicles a day");
    const p = { slug: w.workspace.slug, claimId: c.id };
    session.user = w.annotator;
    for (const body of [explanation("a \ud800 b"), explanation("a \u0000 b"), nested(900)]) {
      const res = await call(comments.POST as Handler, "POST", p, { body });
      expect(res.status).toBe(400);
      const problem = await res.json();
      expect(Object.keys(problem.errors).some((k) => k === "body" || k.startsWith("body."))).toBe(true);

      const v = await call(verdict.PUT as Handler, "PUT", p, { version: c.version, verdict: "false", explanation: body });
      expect(v.status).toBe(400);
      expect(Object.keys((await v.json()).errors).some((k) => k === "explanation" || k.startsWith("explanation."))).toBe(true);
    }
    expect(await db.claimComment.count({ where: { claimId: c.id } })).toBe(0);
    const stored = await db.claim.findUniqueOrThrow({ where: { id: c.id }, select: { version: true, verdict: true } });
    expect(stored).toEqual({ version: c.version, verdict: null });
  });
});
