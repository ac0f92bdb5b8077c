import { db } from "@/lib/db/client";

/**
 * Which glossary pairs a suggestion's reason names (finding X37). A Russian
 * and a Ukrainian pair for one English word often share their stem («санкции =
 * sanctions», «санкції = sanctions»: both санкц), so a Russian selection met
 * both and the reason listed the Ukrainian pair beside the Russian one.
 *
 * Decided: a Russian or Ukrainian selection's reason names the pairs of its own
 * language (GlossaryPair.language). A word written alike in both languages
 * («газ = gas» in each) is one label, so it shows once either way. A pair of
 * the other language is named only when no pair of the selection's language
 * explains the match: it did find the claim, and a reason must say why. An
 * English selection's reason names every pair that matched, as before (both
 * bring the claim's words; which one the claim's text is in is not told here).
 */

/** The selection's language for this choice: given, else told by its script (null: neither Russian nor Ukrainian). */
export function selectionLanguage(text: string, given: string | null): "ru" | "uk" | null {
  const code = given?.toLowerCase().split("-")[0];
  if (code === "ru" || code === "uk") return code;
  if (code) return null;
  if (!/[а-яёіїєґ]/iu.test(text)) return null;
  return /[іїєґ]/iu.test(text) ? "uk" : "ru";
}

/** A glossary label as the suggestion query writes it for a Russian or Ukrainian selection: "term = english". */
const termOf = (label: string) => label.slice(0, label.indexOf(" = "));

/**
 * The languages of the pairs behind these labels ("term = english" → "ru" | "uk"),
 * read only when a Russian or Ukrainian selection's suggestions name two or more
 * pairs (one index read by the pairs' unique key).
 */
export async function glossaryLanguages(workspaceId: string, labels: string[], language: "ru" | "uk" | null): Promise<Map<string, string[]>> {
  const distinct = [...new Set(labels)];
  if (!language || distinct.length < 2) return new Map();
  const rows = await db.$queryRaw<{ label: string; language: string }[]>`
    SELECT g."term" || ' = ' || g."english" AS label, g."language" FROM "GlossaryPair" g
    WHERE g."workspaceId" = ${workspaceId} AND g."term" = ANY (${[...new Set(distinct.map(termOf))]}::text[])`;
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.label, [...(out.get(r.label) ?? []), r.language]);
  return out;
}

/** The glossary labels to show, from those that matched one suggestion. */
export function glossaryLabelsFor(labels: string[], language: "ru" | "uk" | null, languages: Map<string, string[]>): string[] {
  if (!language) return labels;
  const own = labels.filter((label) => languages.get(label)?.includes(language) ?? true);
  return own.length ? own : labels;
}
