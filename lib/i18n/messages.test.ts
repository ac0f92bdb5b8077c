import fs from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { LOCALES, type AppLocale } from "./locales";
import { loadMessages } from "./messages";
import { NAMESPACES } from "./namespaces";
import { translatorFor } from "./translator";

/**
 * The catalogue's health, per namespace file: every locale has exactly the keys of English (the
 * source), no message is empty, every message is valid ICU, a translation uses the same arguments
 * as the English (a `{count}` dropped or renamed would show a marker or nothing), and every plural
 * names each category its language needs (Russian and Ukrainian: one/few/many/other).
 */
const MESSAGES_DIR = path.resolve("messages");

type Tree = { [key: string]: string | Tree };

function readNamespace(locale: AppLocale, namespace: string): Tree {
  return JSON.parse(fs.readFileSync(path.join(MESSAGES_DIR, locale, `${namespace}.json`), "utf8")) as Tree;
}

/** Every leaf as [dotted key, value]; a non-string leaf is reported as a problem, not flattened. */
function flatten(tree: Tree, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  for (const [key, value] of Object.entries(tree)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) flatten(value, dotted, out);
    else out.set(dotted, value);
  }
  return out;
}

type Ast = ReturnType<IntlMessageFormat["getAst"]>;

/** The arguments a message uses ("count:plural", "name:argument", "link:tag"), and its plurals' categories. */
function argumentsOf(ast: Ast, args = new Set<string>(), plurals: Array<{ name: string; categories: string[] }> = []) {
  const kinds = ["literal", "argument", "number", "date", "time", "select", "plural", "pound", "tag"] as const;
  for (const element of ast) {
    const kind = kinds[element.type];
    if (kind === "literal" || kind === "pound") continue;
    const el = element as unknown as { value: string; options?: Record<string, { value: Ast }>; children?: Ast; pluralType?: string };
    args.add(`${el.value}:${kind}`);
    if (el.options) {
      if (kind === "plural" && el.pluralType !== "ordinal") plurals.push({ name: el.value, categories: Object.keys(el.options) });
      for (const option of Object.values(el.options)) argumentsOf(option.value, args, plurals);
    }
    if (el.children) argumentsOf(el.children, args, plurals);
  }
  return { args, plurals };
}

function parse(message: string, locale: AppLocale): Ast {
  return new IntlMessageFormat(message, locale).getAst();
}

describe("message catalogue", () => {
  it("has a file per namespace per locale, and no file outside the namespace list", () => {
    for (const locale of LOCALES) {
      const files = fs.readdirSync(path.join(MESSAGES_DIR, locale)).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5)).sort();
      expect(files, `messages/${locale}`).toEqual([...NAMESPACES].sort());
    }
  });

  for (const namespace of NAMESPACES) {
    it(`${namespace}: same keys in every locale, none empty, all valid ICU with the same arguments`, () => {
      const en = flatten(readNamespace("en", namespace), "", new Map());
      const problems: string[] = [];
      const enArgs = new Map<string, Set<string>>();
      for (const locale of LOCALES) {
        const messages = locale === "en" ? en : flatten(readNamespace(locale, namespace), "", new Map());
        const where = (key: string) => `${locale}/${namespace}.json ${key}`;
        for (const key of en.keys()) if (!messages.has(key)) problems.push(`${where(key)}: missing`);
        for (const key of messages.keys()) if (!en.has(key)) problems.push(`${where(key)}: not in en`);
        const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
        for (const [key, value] of messages) {
          if (typeof value !== "string") {
            problems.push(`${where(key)}: not a string`);
            continue;
          }
          if (!value.trim()) {
            problems.push(`${where(key)}: empty`);
            continue;
          }
          let ast: Ast;
          try {
            ast = parse(value, locale);
          } catch (error) {
            problems.push(`${where(key)}: not valid ICU (${(error as Error).message})`);
            continue;
          }
          const { args, plurals } = argumentsOf(ast);
          for (const plural of plurals) {
            const lacking = needed.filter((c) => !plural.categories.includes(c));
            if (lacking.length) problems.push(`${where(key)}: plural {${plural.name}} lacks ${lacking.join("/")}`);
          }
          if (locale === "en") enArgs.set(key, args);
          else if (enArgs.has(key)) {
            const expected = [...enArgs.get(key)!].sort().join(", ");
            const actual = [...args].sort().join(", ");
            if (expected !== actual) problems.push(`${where(key)}: arguments {${actual}}, en has {${expected}}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it("a button's accessible name (`…Named`) contains its visible label, in every locale (WCAG 2.5.3; finding T2)", () => {
    // axe's label-content-name-mismatch: «Прочитано» shown, «Отметить как прочитанное: …» named, so saying what one sees didn't press it.
    const problems: string[] = [];
    for (const locale of LOCALES)
      for (const namespace of NAMESPACES) {
        const leaves = flatten(readNamespace(locale, namespace), "", new Map());
        for (const [key, named] of leaves) {
          if (!key.endsWith("Named") || typeof named !== "string") continue;
          const visible = leaves.get(key.slice(0, -"Named".length));
          if (typeof visible === "string" && !named.toLocaleLowerCase(locale).includes(visible.toLocaleLowerCase(locale))) problems.push(`${locale}/${namespace}.${key}: "${named}" lacks "${visible}"`);
        }
      }
    expect(problems).toEqual([]);
  });

  it("the loader merges a locale's files into one object per namespace", async () => {
    for (const locale of LOCALES) {
      const messages = await loadMessages(locale);
      expect(Object.keys(messages).sort()).toEqual([...NAMESPACES].sort());
      for (const namespace of NAMESPACES) expect(messages[namespace]).toEqual(readNamespace(locale, namespace));
    }
  });
});

describe("the checks themselves", () => {
  it("see a renamed argument and a plural short of Russian's categories", () => {
    expect([...argumentsOf(parse("{count, plural, one {# claim} other {# claims}} by {name}", "en")).args].sort()).toEqual(["count:plural", "name:argument"]);
    expect([...argumentsOf(parse("<b>{n}</b>", "en")).args].sort()).toEqual(["b:tag", "n:argument"]);
    const ru = argumentsOf(parse("{count, plural, one {# утверждение} other {# утверждений}}", "ru"));
    const needed = new Intl.PluralRules("ru").resolvedOptions().pluralCategories;
    expect(needed.filter((c) => !ru.plurals[0].categories.includes(c))).toEqual(["few", "many"]);
    expect(() => parse("{count, plural, one {#}", "en")).toThrow();
  });
});

describe("translatorFor", () => {
  it("translates in the asked locale, and shows a missing key as its marker (logged)", async () => {
    expect((await translatorFor("ru", "common"))("save")).toBe("Сохранить");
    expect((await translatorFor("uk", "common"))("verdicts.mostly-true")).toBe("Здебільшого правда");
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.join(" "));
    try {
      expect((await translatorFor("en", "common"))("no.such.key")).toBe("⟦common.no.such.key⟧");
    } finally {
      console.error = original;
    }
    expect(logged.join("\n")).toContain("no.such.key");
  });
});
