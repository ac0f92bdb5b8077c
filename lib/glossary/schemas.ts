import { z } from "zod";
import { isOneLine, text } from "@/lib/validation/text";

/** Glossary pairs are Russian or Ukrainian terms with their English counterparts (issue 14). */
export const GLOSSARY_LANGUAGES = ["ru", "uk"] as const;
export type GlossaryLanguage = (typeof GLOSSARY_LANGUAGES)[number];
export const MAX_TERM_LENGTH = 120;
/** Pairs per workspace: every selection checks them, so the list stays a glossary, not a dictionary. */
export const MAX_GLOSSARY_PAIRS = 5000;

const CYRILLIC = /[А-Яа-яЁёІіЇїЄєҐґ]/;
/** Terms and names are one-line labels shown in lists, suggestions' reasons and exports: no line breaks, control or direction characters. */
const ONE_LINE = "Write it on one line, without tabs, control or invisible direction characters.";
const LATIN = /[A-Za-z]/;

const language = z.enum(GLOSSARY_LANGUAGES, { error: "Pick Russian (ru) or Ukrainian (uk)." });
const term = text()
  .pipe(z.string().trim().min(1, "Write the Russian or Ukrainian term.").max(MAX_TERM_LENGTH, `At most ${MAX_TERM_LENGTH} characters.`))
  .refine(isOneLine, { message: ONE_LINE, params: { code: "one_line" } })
  .refine((s) => CYRILLIC.test(s), { message: "Write the term in Cyrillic letters (Russian or Ukrainian).", params: { code: "glossary_term_cyrillic" } });
const english = text()
  .pipe(z.string().trim().min(1, "Write the English counterpart.").max(MAX_TERM_LENGTH, `At most ${MAX_TERM_LENGTH} characters.`))
  .refine(isOneLine, { message: ONE_LINE, params: { code: "one_line" } })
  .refine((s) => LATIN.test(s), { message: "Write the English counterpart in Latin letters.", params: { code: "glossary_english_latin" } });

export const newPairSchema = z.object({ language, term, english }).strict();
export type NewPair = z.output<typeof newPairSchema>;

export const pairEditSchema = z
  .object({ language: language.optional(), term: term.optional(), english: english.optional() })
  .strict()
  .refine((v) => v.language !== undefined || v.term !== undefined || v.english !== undefined, {
    error: "Change the language, the term or the English counterpart.",
    params: { code: "glossary_nothing_changed" },
  });
export type PairEdit = z.output<typeof pairEditSchema>;

/** Strict: the glossary isn't paged (at most 500 pairs, narrowed by q), so a `limit` or `cursor` is named as not taken rather than ignored. */
export const glossaryQuerySchema = z
  .object({
    q: text().pipe(z.string().trim().max(MAX_TERM_LENGTH, `At most ${MAX_TERM_LENGTH} characters.`)).optional(),
  })
  .strict();

/** Strict and empty: the proposals list isn't paged (at most 200, strongest first), so any parameter is named as not taken. */
export const proposalsQuerySchema = z.object({}).strict();

/** Strict and empty: the aliases list isn't paged either (aliases and suggestions in one answer), so any parameter is named as not taken. */
export const aliasesQuerySchema = z.object({}).strict();

/** An alias an admin confirms: two or more spellings of one person's name. */
export const confirmAliasSchema = z
  .object({
    names: z
      .array(text().pipe(z.string().trim().min(1, "A name can't be empty.").max(MAX_TERM_LENGTH, `At most ${MAX_TERM_LENGTH} characters in a name.`)).refine(isOneLine, { message: ONE_LINE, params: { code: "one_line" } }), {
        error: "Give the names as a list.",
      })
      .min(2, "An alias joins at least two names.")
      .max(20, "At most 20 names in one alias.")
      .transform((list) => [...new Map(list.map((n) => [n.toLowerCase(), n])).values()])
      .refine((list) => list.length >= 2, { message: "Give at least two different names.", params: { code: "alias_two_names" } }),
    /** "dismissed": the suggestion is wrong; it is kept so it is not suggested again. */
    status: z.enum(["confirmed", "dismissed"], { error: "Confirm or dismiss." }).optional(),
  })
  .strict();
export type ConfirmAlias = z.output<typeof confirmAliasSchema>;
