import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import ruUi from "@/messages/ru/ui.json";
import ukUi from "@/messages/uk/ui.json";
import { decodeCursor, decodeDateCursor } from "@/lib/api-v1/pagination";
import { ifMatchVersion } from "@/lib/api-v1/endpoint";
import { decodeHistoryCursor } from "@/lib/claims/history-cursor";
import { DomainError } from "@/lib/errors";
import { localizeError, type ErrorTranslator } from "./localize-error";
import { malformedPathResponse, wantsPage } from "./malformed-path";
import { checkParams, checkQuery, REPEATED_PARAMETER_MESSAGE } from "./pipeline";
import { problem } from "./problem";

/**
 * Refusals only an API client meets (no form sends them: a hand-edited cursor, If-Match, a bad path or
 * query), each with its own code, so any UI that surfaces one says it in the reader's language, while
 * the English `detail` and `errors` stay what API clients have always read.
 */
const translator = (locale: "ru" | "uk") =>
  createTranslator({ locale, messages: { ui: locale === "ru" ? ruUi : ukUi } as never, namespace: "ui.apiErrors" as never }) as unknown as ErrorTranslator;

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error("did not throw");
}

async function body(err: DomainError) {
  return (await problem(err.status, err.message, err.fields, undefined, err.extra).json()) as { detail: string; code: string; errors?: Record<string, string>; fieldCodes?: Record<string, { code: string }> };
}

async function shown(err: DomainError, locale: "ru" | "uk") {
  const b = await body(err);
  return localizeError({ message: b.detail, fields: b.errors ?? {}, code: b.code, fieldCodes: b.fieldCodes as never }, locale, translator(locale));
}

describe("API-only refusals carry their own code", () => {
  it("a cursor that isn't one of the list's: invalid_cursor, the English as before, Russian and Ukrainian whole", async () => {
    for (const fn of [() => decodeCursor("not-a-cursor"), () => decodeHistoryCursor("not-a-cursor"), () => decodeDateCursor(Buffer.from(JSON.stringify(["", "c1"])).toString("base64url"))]) {
      const err = thrown(fn);
      const b = await body(err);
      expect(b.detail).toMatch(/^That page cursor is not valid for this list/);
      expect(b).toMatchObject({ code: "invalid_cursor", errors: { cursor: "Invalid cursor." }, fieldCodes: { cursor: { code: "invalid_cursor" } } });
    }
    const ru = await shown(thrown(() => decodeCursor("x")), "ru");
    expect(ru.message).toBe("Этот курсор страницы не подходит к этому списку; начните с первой страницы.");
    expect(ru.fields.cursor).toBe(ru.message);
    expect((await shown(thrown(() => decodeCursor("x")), "uk")).message).toBe("Цей курсор сторінки не підходить до цього списку; почніть з першої сторінки.");
  });

  it("If-Match that is no version: if_match_invalid, naming the header", async () => {
    const err = thrown(() => ifMatchVersion(new Request("http://x/", { headers: { "if-match": '"three"' } })));
    const b = await body(err);
    expect(b).toMatchObject({ detail: 'If-Match must be the version, e.g. If-Match: "3".', code: "if_match_invalid", errors: { "If-Match": "Not a version." }, fieldCodes: { "If-Match": { code: "if_match_invalid" } } });
    expect((await shown(err, "uk")).fields["If-Match"]).toBe('У If-Match має бути версія, наприклад If-Match: "3".');
  });

  it("bad path parameters: path_params_invalid, each parameter by its own code", async () => {
    const err = thrown(() => checkParams({ slug: "ok-slug", claimId: "no spaces here", articleId: "nul\u0000" }));
    const b = await body(err);
    expect(b).toMatchObject({
      detail: "Some path parameters are invalid.",
      code: "path_params_invalid",
      errors: { claimId: "Not a valid id." },
      fieldCodes: { claimId: { code: "path_id_invalid" }, articleId: { code: "unstorable_text" } },
    });
    expect(b.errors).not.toHaveProperty("slug");
    const ru = await shown(err, "ru");
    expect(ru.message).toBe("Некоторые параметры пути в адресе недопустимы.");
    expect(ru.fields.claimId).toBe("Недопустимый идентификатор.");
    expect(ru.fields.articleId).not.toMatch(/[A-Za-z]{4}/);
  });

  it("bad query parameters: query_params_invalid, a repeated one and U+FFFD by their codes", async () => {
    const err = thrown(() => checkQuery(new URL("http://x/?limit=1&limit=2&q=%EF%BF%BD")));
    const b = await body(err);
    expect(b).toMatchObject({ detail: "Some query parameters are invalid.", code: "query_params_invalid", errors: { limit: REPEATED_PARAMETER_MESSAGE }, fieldCodes: { limit: { code: "query_repeated" }, q: { code: "query_replacement_char" } } });
    const uk = await shown(err, "uk");
    expect(uk.fields.limit).toBe("Вказано більше одного разу: вкажіть його один раз.");
    expect(uk.message).toBe("Деякі параметри запиту в адресі неприпустимі.");
  });

  it("a path whose percent-encoding is malformed: path_malformed, with the security headers", async () => {
    const res = malformedPathResponse();
    expect(res.status).toBe(400);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(await res.json()).toMatchObject({ detail: "The URL path is not valid: its percent-encoding is malformed.", code: "path_malformed" });
    // A browser asking for a page gets one; an API path stays problem+json whatever it accepts.
    const page = malformedPathResponse(true);
    expect(page.status).toBe(400);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await page.text()).toContain("<h1>This address is not valid</h1>");
    const html = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    expect(wantsPage("/w/x/articles/%FF", html)).toBe(true);
    expect(wantsPage("/api/w/x/claims/%FF", html)).toBe(false);
    expect(wantsPage("/api", html)).toBe(false);
    expect(wantsPage("/w/x/articles/%FF", "application/json")).toBe(false);
    expect(wantsPage("/w/x/articles/%FF", null)).toBe(false);
  });
});
