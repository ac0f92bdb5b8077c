/**
 * Which glossary pairs a suggestion's reason names (finding X37). A Russian
 * and a Ukrainian pair for one English word often share their stem («санкции =
 * sanctions», «санкції = sanctions»: both санкц), so a Russian selection met
 * both and the reason listed the Ukrainian pair beside the Russian one.
 *
 * Decided: a Russian or Ukrainian selection's reason names the pairs of its own
 * language, and a pair whose term is written alike in both («газ», «Донбас»:
 * no letter only one of them has) since it is the selection's word either way;
 * a pair of the other language only when no pair of the selection's language
 * explains the match (it did find the claim, and a reason must say why). An
 * English selection's reason names every pair that matched, as before: both
 * pairs bring the claim's words, and which one the claim's text is in is not
 * known here.
 */

type PairLanguage = "ru" | "uk" | "both";

/** A term's language by its letters: і ї є ґ and the apostrophe are only Ukrainian, ы э ъ ё only Russian. */
export function termLanguage(term: string): PairLanguage {
  if (/[іїєґʼ'’]/iu.test(term)) return "uk";
  if (/[ыэъё]/iu.test(term)) return "ru";
  return "both";
}

/** The selection's language for this choice: given, else told by its script (null: neither Russian nor Ukrainian). */
export function selectionLanguage(text: string, given: string | null): "ru" | "uk" | null {
  const code = given?.toLowerCase().split("-")[0];
  if (code === "ru" || code === "uk") return code;
  if (code) return null;
  if (!/[а-яёіїєґ]/iu.test(text)) return null;
  return /[іїєґ]/iu.test(text) ? "uk" : "ru";
}

/**
 * The glossary labels to show, from those that matched ("term = english" for a
 * Russian or Ukrainian selection, whose term is the part before " = ").
 */
export function glossaryLabelsFor(labels: string[], language: "ru" | "uk" | null): string[] {
  if (!language) return labels;
  const own = labels.filter((label) => {
    const l = termLanguage(label.split(" = ")[0] ?? "");
    return l === "both" || l === language;
  });
  return own.length ? own : labels;
}
