import { z } from "zod";
import { db } from "@/lib/db/client";
import { invalid } from "@/lib/errors";
import { ID_PATTERN } from "@/lib/validation/id";
import { text as storableText } from "@/lib/validation/text";
import { searchClaims, suggestClaims, type ClaimSuggestion } from "./suggest-claims";

/**
 * One suggestion request, however it came: the cookie route's GET (query
 * string, for short texts and the search box) and POST (JSON body: a long
 * selection, which in a URL would pass Node's 16 KB header limit at about
 * 3,000 Cyrillic characters), and /api/v1's two forms. Field messages are
 * written for people, the same in every form.
 */
export const TEXT_MAX = 20_000;
export const Q_MAX = 500;
export const EXCLUDE_MAX = 200;

export const MESSAGES = {
  text: `At most ${TEXT_MAX.toLocaleString("en")} characters.`,
  q: `At most ${Q_MAX} characters.`,
  limit: "A whole number from 1 to 50.",
  exclude: `At most ${EXCLUDE_MAX} claim ids.`,
  articleId: "An article id (1–64 of A–Z a–z 0–9 _ -).",
  once: "Given more than once: give it once.",
  both: "Give text or q, not both.",
  neither: "Required unless q is given.",
} as const;

const claimIds = z.array(z.string({ error: "A claim id." }).regex(ID_PATTERN, { error: "A claim id." }), { error: "A list of claim ids." }).max(EXCLUDE_MAX, { error: MESSAGES.exclude });
const excludeSchema = claimIds;

/** The article a selection is from, in either form: an id, or a 400 naming articleId. */
export const articleIdSchema = z.string({ error: MESSAGES.articleId }).regex(ID_PATTERN, { error: MESSAGES.articleId });

/**
 * The query-string form's checks that a zod object of strings can't make, the
 * same on both routes: a parameter given twice (?text=a&text=b would silently
 * use one) is a 400 naming it, and `exclude` (comma-separated) is held to the
 * body form's rules (ids, at most EXCLUDE_MAX), errors named exclude or exclude.N.
 */
export function checkSuggestionQuery(url: URL, names: readonly string[]): { excludeClaimIds: string[] } {
  const errors: Record<string, string> = {};
  for (const name of names) if (url.searchParams.getAll(name).length > 1) errors[name] = MESSAGES.once;
  const raw = url.searchParams.get("exclude");
  const ids = raw?.split(",").filter(Boolean) ?? [];
  const parsed = claimIds.safeParse(ids);
  if (!parsed.success) for (const issue of parsed.error.issues) errors[["exclude", ...issue.path].join(".")] = issue.message;
  if (Object.keys(errors).length) throw invalid("Some query parameters are invalid.", errors);
  return { excludeClaimIds: ids };
}

/** The body of a POST: the same fields as the query string, with `exclude` as a list and `limit` as a number. */
export const suggestionBodySchema = z
  .object({
    text: storableText().max(TEXT_MAX, { error: MESSAGES.text }).optional().meta({ description: "The selected passage." }),
    q: storableText().max(Q_MAX, { error: MESSAGES.q }).optional().meta({ description: "What was typed in a search box (instead of text)." }),
    limit: z.int({ error: MESSAGES.limit }).min(1, { error: MESSAGES.limit }).max(50, { error: MESSAGES.limit }).optional().meta({ description: "How many (1–50, default 8 for text, 20 for q)." }),
    exclude: excludeSchema.optional().meta({ description: "Claim ids not to suggest, e.g. the passage's own claim." }),
  })
  .meta({ id: "SuggestionRequest" });

export interface SuggestionRequest {
  text?: string;
  q?: string;
  limit?: number;
  excludeClaimIds?: string[];
  language?: string | null;
  /** The article the selection is from: its language reads a selection too short to tell its own. */
  articleId?: string;
}

/** Suggestions for a selection (`text`) or the search box (`q`); exactly one of them. */
export async function answerSuggestionRequest(workspaceId: string, req: SuggestionRequest): Promise<ClaimSuggestion[]> {
  const { text, q, limit } = req;
  if (text !== undefined && q !== undefined) throw invalid("Give the selected text or a search query, not both.", { q: MESSAGES.both });
  if (q !== undefined) return searchClaims({ workspaceId, query: q, limit });
  if (text === undefined) throw invalid("Give the selected text (text) or a search query (q).", { text: MESSAGES.neither });
  let articleLanguage: string | null = null;
  if (req.articleId !== undefined) {
    const article = await db.article.findFirst({ where: { id: req.articleId, workspaceId }, select: { language: true } });
    if (!article) throw invalid("Some parameters are invalid.", { articleId: "No such article in this workspace." });
    articleLanguage = article.language;
  }
  return suggestClaims({ workspaceId, text, limit, language: req.language, excludeClaimIds: req.excludeClaimIds ?? [], articleLanguage });
}
