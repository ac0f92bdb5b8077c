import { isLanguageTag } from "@/lib/articles/metadata";
import { z } from "zod";
import { invalid } from "@/lib/errors";
import { answerSuggestionRequest, articleIdSchema, checkSuggestionQuery, MESSAGES, Q_MAX, suggestionBodySchema, TEXT_MAX } from "@/lib/search/suggestion-request";
import { endpoint } from "../endpoint";
import { statementLanguage } from "../schemas";

const reasonSchema = z
  .object({
    kind: z.enum(["name", "place", "date", "number", "glossary", "words", "spelling", "meaning"]).meta({
      description:
        "name: a name, in Latin letters or transliterated from Cyrillic (Сергей Лавров → sergey lavrov), or by its sound (Шольц = Scholz, Sergei = Sergey); " +
        "place: such a name that is a country or city (Брюссель ↔ Brussels); date and number: the same date or number however written " +
        "(17 December 2021, 17 декабря 2021 года, 17 грудня 2021 року); glossary: through a pair of the workspace glossary; words: shared words, stemmed in each text's own language; " +
        "spelling: only a similarly spelled word; meaning: close in meaning by the optional embedding model (EMBEDDING_MODEL_DIR), terms holding the cosine similarity (0.87).",
    }),
    terms: z.array(z.string()).meta({ description: "The matched terms, strongest first, as the passage and the claim write them: one form when both write it alike (\"guarantees\"), both joined by ↔ when they differ (\"17 December 2021 ↔ 17 декабря 2021\", \"Sergey Ryabkov ↔ Сергей Рябков\", passage first); a term the claim has only in a mention's quote as the passage writes it. For glossary the pairs (\"гарантии = guarantees\"), and for a name matched through a confirmed alias the alias (\"Sergey Lavrov = Sergei Lavrov\")." }),
  })
  .meta({ id: "SuggestionReason" });

const suggestionSchema = z
  .object({
    claimId: z.string(),
    statement: z.string(),
    language: statementLanguage,
    verdict: z.string().nullable(),
    reviewState: z.string(),
    articleCount: z.int().meta({ description: "Distinct articles with a live mention of the claim." }),
    mentionCount: z.int(),
    score: z.number().meta({ description: "0…1, higher is better; comparable within one answer only." }),
    matchedBy: z.enum(["text", "trigram", "meaning"]).meta({ description: "text: its words matched; trigram: found only through similarly spelled words; meaning: found only by the optional embedding model." }),
    reasons: z.array(reasonSchema).meta({ description: "Why it matched, strongest evidence first." }),
  })
  .meta({ id: "ClaimSuggestion" });

const suggestionsSchema = z.object({ items: z.array(suggestionSchema) }).meta({ id: "ClaimSuggestions" });

const languageSchema = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, { error: "A BCP 47 language code, e.g. en, ru, uk." })
  // Shaped like one is not enough: `xx-YY-ZZ` (no such subtags in that order) had been taken (black-box s35, L4).
  .refine(isLanguageTag, { error: "A BCP 47 language code, e.g. en, ru, uk.", params: { code: "invalid_language" } })
  .optional()
  .meta({ description: "The passage's language (BCP 47), e.g. its article's; detected from the text when absent." });

const articleIdParam = articleIdSchema
  .optional()
  .meta({ description: "The article the passage is from: its language reads a passage too short to tell its own (`language` wins). An id of another workspace's or no article is a 400 naming articleId." });

const queryNames = ["text", "q", "language", "limit", "exclude", "articleId"] as const;

export const suggestClaimsEndpoint = endpoint({
  id: "suggestClaims",
  method: "GET",
  path: "/workspaces/{ws}/claims/suggestions",
  tag: "Claims",
  summary: "Suggest claims for a passage, or search claims",
  description:
    "With `text`: the workspace's claims most like a selected passage, best first, in any language: each text is read in its own language " +
    "(`language`, else detected), and dates, numbers and names also match across English, Russian and Ukrainian. With `q`: the search box " +
    "(half-typed words match by prefix, typos by spelling). Nothing is linked; each suggestion says why it matched.",
  action: "workspace.view",
  query: z.object({
    text: z.string().max(TEXT_MAX, { error: MESSAGES.text }).optional().meta({ description: "The selected passage (up to about 3,000 Cyrillic or 16,000 Latin characters in a URL; use POST for longer ones)." }),
    q: z.string().max(Q_MAX, { error: MESSAGES.q }).optional().meta({ description: "What was typed in a search box (instead of text)." }),
    language: languageSchema,
    limit: z.string().regex(/^\d+$/, { error: MESSAGES.limit }).optional().meta({ description: "How many (1–50, default 8 for text, 20 for q)." }),
    exclude: z.string().optional().meta({ description: "Comma-separated claim ids not to suggest, e.g. the passage's own claim (at most 200)." }),
    articleId: articleIdParam,
  }),
  responses: { 200: { description: "Best first.", schema: suggestionsSchema } },
  handler: async ({ req, access, query }) => {
    const limit = query.limit === undefined ? undefined : Number(query.limit);
    if (limit !== undefined && (limit < 1 || limit > 50)) throw invalid("Some parameters are invalid.", { limit: MESSAGES.limit });
    const { excludeClaimIds } = checkSuggestionQuery(new URL(req.url), queryNames);
    return {
      items: await answerSuggestionRequest(access.workspace.id, { text: query.text, q: query.q, limit, language: query.language, excludeClaimIds, articleId: query.articleId }),
    };
  },
});

/** The same in a JSON body: a passage of up to 20,000 characters, which no URL can carry (Cyrillic is 6 bytes a letter percent-encoded). */
export const suggestClaimsByBodyEndpoint = endpoint({
  id: "suggestClaimsByBody",
  method: "POST",
  path: "/workspaces/{ws}/claims/suggestions",
  tag: "Claims",
  summary: "Suggest claims for a passage (long passages), or search claims",
  description:
    "The same as `GET /workspaces/{ws}/claims/suggestions`, with the request in a JSON body: use it for passages longer than a few thousand characters " +
    "(a URL is limited to about 16 KB, some 3,000 Cyrillic letters once percent-encoded). Give `text` or `q`, not both. Nothing is created: it is safe to repeat.",
  action: "workspace.view",
  body: suggestionBodySchema.extend({ language: languageSchema, articleId: articleIdParam }),
  example: { text: "17 декабря 2021 года МИД России опубликовал проекты договоров с США и НАТО", language: "ru", limit: 5 },
  responses: { 200: { description: "Best first.", schema: suggestionsSchema } },
  handler: async ({ access, body }) => ({
    items: await answerSuggestionRequest(access.workspace.id, { text: body.text, q: body.q, limit: body.limit, language: body.language, excludeClaimIds: body.exclude, articleId: body.articleId }),
  }),
});
