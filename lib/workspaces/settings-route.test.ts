import { afterEach, describe, expect, it, vi } from "vitest";
import * as exportRoute from "@/app/api/w/[slug]/export/route";
import * as settingsRoute from "@/app/api/w/[slug]/settings/route";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { localeOfRequest } from "@/lib/i18n/locale-of-request";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { makeWorkspace } from "@/lib/testing/fixtures";

/** The session is next-auth's; everything after it (membership, permission, zod, use case, problem+json) runs for real. */
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
afterEach(() => {
  session.user = null;
});

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(handler: Handler, method: string, slug: string, opts: { body?: unknown; query?: string; headers?: Record<string, string> } = {}) {
  const req = new Request(`http://localhost/api/w/${slug}/x${opts.query ?? ""}`, {
    method,
    headers: { "content-type": "application/json", ...opts.headers },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  return handler(req, { params: Promise.resolve({ slug }) });
}

describe("PATCH /api/w/:slug/settings, verdict labels per language", () => {
  it("stores each language's labels, and a bad one is a 400 problem naming verdictLabels.<language>.<verdict> with nothing written", async () => {
    const { workspace, admin } = await makeWorkspace();
    session.user = admin as CurrentUser;
    const ok = await call(settingsRoute.PATCH, "PATCH", workspace.slug, { body: { verdictLabels: { ru: { false: "Фейк" }, en: { false: "Fake" } } } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { verdictLabels: unknown }).verdictLabels).toEqual({ ru: { false: "Фейк" }, en: { false: "Fake" } });

    for (const [labels, field] of [
      [{ ru: { false: "ф".repeat(41) } }, "verdictLabels.ru.false"],
      [{ uk: { mixed: "a\u0000b" } }, "verdictLabels.uk.mixed"],
      [{ en: { true: "line\nbreak" } }, "verdictLabels.en.true"],
      [{ en: { maybe: "Maybe" } }, "verdictLabels.en.maybe"],
      [{ fr: { false: "Faux" } }, "verdictLabels.fr"],
      [{ ru: ["Фейк"] }, "verdictLabels.ru"],
      [{ false: "Fake" }, "verdictLabels.false"],
    ] as const) {
      const res = await call(settingsRoute.PATCH, "PATCH", workspace.slug, { body: { name: "Not saved", verdictLabels: labels } });
      expect(res.status, field).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(Object.keys(((await res.json()) as { errors: Record<string, string> }).errors), field).toContain(field);
    }
    const row = await db.workspace.findUniqueOrThrow({ where: { id: workspace.id }, select: { name: true, verdictLabels: true } });
    expect(row).toEqual({ name: workspace.name, verdictLabels: { ru: { false: "Фейк" }, en: { false: "Fake" } } });
  });
});

describe("GET /api/w/:slug/export, verdict labels in the asker's language", () => {
  it("reads the language from the request: the person's saved language, else the locale cookie, else Accept-Language", async () => {
    const { workspace, admin } = await makeWorkspace();
    const req = (headers: Record<string, string>) => new Request(`http://localhost/api/w/${workspace.slug}/export`, { headers });
    expect(await localeOfRequest(req({ "accept-language": "uk-UA,uk;q=0.9" }), admin.id)).toBe("uk");
    expect(await localeOfRequest(req({ cookie: `a=1; ${LOCALE_COOKIE}=ru`, "accept-language": "uk" }), admin.id)).toBe("ru");
    await db.user.update({ where: { id: admin.id }, data: { locale: "en" } });
    expect(await localeOfRequest(req({ cookie: `${LOCALE_COOKIE}=ru`, "accept-language": "uk" }), admin.id)).toBe("en");
    expect(await localeOfRequest(req({ cookie: `${LOCALE_COOKIE}=xx` }), null)).toBe("en");
    // A saved choice the caller already has is used as is (null: none saved, so the cookie decides).
    expect(await localeOfRequest(req({ "accept-language": "ru" }), "no-such-user", "uk")).toBe("uk");
    expect(await localeOfRequest(req({ cookie: `${LOCALE_COOKIE}=ru`, "accept-language": "uk" }), "no-such-user", null)).toBe("ru");
  });

  it("refuses ?locale= naming a language it doesn't have, naming the parameter", async () => {
    const { workspace, admin } = await makeWorkspace();
    session.user = admin as CurrentUser;
    const bad = await call(exportRoute.GET, "GET", workspace.slug, { query: "?format=csv&locale=xx" });
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { errors: Record<string, string> }).errors)).toEqual(["locale"]);
    const ok = await call(exportRoute.GET, "GET", workspace.slug, { query: "?format=csv&locale=uk", headers: { "accept-language": "ru" } });
    expect(ok.status).toBe(200);
    await ok.body?.cancel();
  });
});
