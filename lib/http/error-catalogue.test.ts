import fs from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import enUi from "@/messages/en/ui.json";
import ruUi from "@/messages/ru/ui.json";
import ukUi from "@/messages/uk/ui.json";
import { DomainError, said } from "@/lib/errors";
import { ERROR_CODES } from "./error-codes";
import { problem } from "./problem";
import { localizeError, type ErrorTranslator } from "./localize-error";

/**
 * Every code the server can emit has its message in all three catalogues (so a new code without
 * translations fails here), the Russian and Ukrainian say it in their own words, and every code the
 * source names (said("…"), a refinement's `params: { code: "…" }`) is one of ERROR_CODES.
 */
const CATALOGUES = { en: enUi, ru: ruUi, uk: ukUi } as const;
const camel = (code: string) => code.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

type Tree = { [key: string]: string | Tree };
const apiErrors = (ui: unknown) => (ui as { apiErrors: Tree }).apiErrors;

/** The message a code is said by: a field's own, else the whole answer's (as localizeError looks them up). */
function messageOf(ui: unknown, code: string): string | undefined {
  const tree = apiErrors(ui);
  const field = (tree.field as Tree)[camel(code)];
  return typeof field === "string" ? field : typeof tree[camel(code)] === "string" ? (tree[camel(code)] as string) : undefined;
}

/** Sample values for a message's arguments: a number where it counts, "other" where it selects, else a word. */
function samples(message: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  const walk = (ast: ReturnType<IntlMessageFormat["getAst"]>) => {
    for (const el of ast as Array<{ type: number; value?: string; options?: Record<string, { value: typeof ast }> }>) {
      // 1 argument, 2 number, 5 select, 6 plural (intl-messageformat's TYPE).
      if (el.type === 1 && el.value) out[el.value] ??= "x";
      if ((el.type === 2 || el.type === 6) && el.value) out[el.value] = 3;
      if (el.type === 5 && el.value) out[el.value] = "other";
      for (const o of Object.values(el.options ?? {})) walk(o.value);
    }
  };
  walk(new IntlMessageFormat(message, "en").getAst());
  return out;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated" && entry.name !== "node_modules") sourceFiles(full, out);
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

describe("a refusal said with its code", () => {
  it("keeps the API's English and adds the code and its values; the UI says it whole in Russian and Ukrainian", async () => {
    const err = new DomainError(409, said("glossary_term_taken_as", "The glossary already has “санкции” (→ sanctions).", { term: "санкции", english: "sanctions" }), {
      term: said("glossary_term_in_use", "Already in the glossary: edit that pair instead."),
      english: "Hand-written, with no code.",
    });
    const body = (await problem(err.status, err.message, err.fields, undefined, err.extra).json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: 409,
      detail: "The glossary already has “санкции” (→ sanctions).",
      code: "glossary_term_taken_as",
      codeParams: { term: "санкции", english: "sanctions" },
      errors: { term: "Already in the glossary: edit that pair instead.", english: "Hand-written, with no code." },
      fieldCodes: { term: { code: "glossary_term_in_use" }, english: { code: "conflict" } },
    });
    const asUi = { message: body.detail as string, fields: body.errors as Record<string, string>, code: body.code as string, codeParams: body.codeParams as never, fieldCodes: body.fieldCodes as never };
    const ru = createTranslator({ locale: "ru", messages: { ui: ruUi } as never, namespace: "ui.apiErrors" as never }) as unknown as ErrorTranslator;
    expect(localizeError(asUi, "ru", ru)).toMatchObject({
      message: "В глоссарии уже есть «санкции» (→ sanctions).",
      fields: { term: "Уже есть в глоссарии: измените ту пару.", english: "Конфликт с существующими данными: Hand-written, with no code." },
    });
    const uk = createTranslator({ locale: "uk", messages: { ui: ukUi } as never, namespace: "ui.apiErrors" as never }) as unknown as ErrorTranslator;
    expect(localizeError({ ...asUi, code: "url_timeout", codeParams: { seconds: 15 } }, "uk", uk).message).toBe("Сторінка не завантажилася за 15 секунд.");
    expect(localizeError(asUi, "en", ru)).toEqual(asUi);
  });
});

describe("the error codes' catalogue", () => {
  it.each(ERROR_CODES)("%s has a message in en, ru and uk, each in its own words", (code) => {
    const said: Record<string, string> = {};
    for (const [locale, ui] of Object.entries(CATALOGUES)) {
      const message = messageOf(ui, code);
      expect(message, `${locale}: ui.apiErrors(.field).${camel(code)}`).toBeTruthy();
      const t = createTranslator({ locale, messages: { ui } as never, namespace: "ui.apiErrors" as never }) as unknown as ErrorTranslator;
      const english = "The server's English reason.";
      const shown = localizeError({ message: english, fields: { f: english }, code, codeParams: samples(messageOf(enUi, code)!), fieldCodes: { f: { code, params: samples(messageOf(enUi, code)!) } as never } }, locale === "en" ? "en-GB" : locale, t);
      // en-GB stands in for English so the English catalogue is exercised too (en itself shows the server's text as is).
      for (const text of [shown.message, shown.fields.f]) {
        // A missing message shows as ⟦key⟧; an argument left unformatted as {name}.
        expect(text, `${locale} ${code}`).not.toMatch(/⟦|apiErrors/);
        for (const name of Object.keys(samples(messageOf(enUi, code)!))) expect(text, `${locale} ${code}`).not.toContain(`{${name}`);
        expect(text.length).toBeGreaterThan(0);
      }
      said[locale] = shown.fields.f;
    }
    expect(said.ru).not.toBe(said.en);
    expect(said.uk).not.toBe(said.en);
    expect(said.uk).not.toBe(said.ru);
    // A specific code is the whole sentence: no English reason is carried into Russian or Ukrainian.
    if (ERROR_CODES.indexOf(code) > ERROR_CODES.indexOf("network")) {
      expect(said.ru).not.toContain("The server's English reason.");
      expect(said.uk).not.toContain("The server's English reason.");
    }
  });

  it("every code the source names is one the catalogue has", () => {
    const named = new Map<string, string>();
    for (const file of [...sourceFiles("lib"), ...sourceFiles("app"), ...sourceFiles("components")]) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bsaid\(\s*"([a-z_]+)"|params:\s*\{\s*code:\s*"([a-z_]+)"/g)) named.set(m[1] ?? m[2], file);
    }
    expect(named.size).toBeGreaterThan(40);
    const unknown = [...named].filter(([code]) => !(ERROR_CODES as readonly string[]).includes(code)).map(([code, file]) => `${code} (${file})`);
    expect(unknown).toEqual([]);
  });
});
