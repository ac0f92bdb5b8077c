import { z } from "zod";
import { invalid } from "@/lib/errors";
import { searchClaims, suggestClaims } from "@/lib/search/suggest-claims";
import { endpoint } from "../endpoint";

const reasonSchema = z
  .object({
    kind: z.enum(["name", "date", "number", "glossary", "words", "spelling", "meaning"]).meta({
      description:
        "name: a name, in Latin letters or transliterated from Cyrillic (Сергей Лавров → sergey lavrov); date and number: the same date or number however written " +
        "(17 December 2021, 17 декабря 2021 года, 17 грудня 2021 року); glossary: through a pair of the workspace glossary; words: shared words, stemmed in each text's own language; " +
        "spelling: only a similarly spelled word; meaning: close in meaning by the optional embedding model (EMBEDDING_MODEL_DIR), terms holding the cosine similarity (0.87).",
    }),
    terms: z.array(z.string()).meta({ description: "The matched terms, strongest first: stems for words and names, ISO dates (2021-12-17, 2021-12, --12-17), plain numbers (2500000); for glossary the pairs (\"гарантии = guarantees\"), and for a name matched through a confirmed alias the alias (\"Sergey Lavrov = Sergei Lavrov\")." }),
  })
  .meta({ id: "SuggestionReason" });

const suggestionSchema = z
  .object({
    claimId: z.string(),
    statement: z.string(),
    verdict: z.string().nullable(),
    reviewState: z.string(),
    articleCount: z.int().meta({ description: "Distinct articles with a live mention of the claim." }),
    mentionCount: z.int(),
    score: z.number().meta({ description: "0…1, higher is better; comparable within one answer only." }),
    matchedBy: z.enum(["text", "trigram", "meaning"]).meta({ description: "text: its words matched; trigram: found only through similarly spelled words; meaning: found only by the optional embedding model." }),
    reasons: z.array(reasonSchema).meta({ description: "Why it matched, strongest evidence first." }),
  })
  .meta({ id: "ClaimSuggestion" });

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
    text: z.string().max(20_000, { error: "At most 20,000 characters." }).optional().meta({ description: "The selected passage." }),
    q: z.string().max(500, { error: "At most 500 characters." }).optional().meta({ description: "What was typed in a search box (instead of text)." }),
    language: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, { error: "A BCP 47 language code, e.g. en, ru, uk." })
      .optional()
      .meta({ description: "The passage's language (BCP 47), e.g. its article's; detected from the text when absent." }),
    limit: z.string().regex(/^\d+$/, { error: "A whole number from 1 to 50." }).optional().meta({ description: "How many (1–50, default 8 for text, 20 for q)." }),
    exclude: z.string().optional().meta({ description: "Comma-separated claim ids not to suggest, e.g. the passage's own claim." }),
  }),
  responses: { 200: { description: "Best first.", schema: z.object({ items: z.array(suggestionSchema) }).meta({ id: "ClaimSuggestions" }) } },
  handler: async ({ access, query }) => {
    const limit = query.limit === undefined ? undefined : Number(query.limit);
    if (limit !== undefined && (limit < 1 || limit > 50)) throw invalid("Some parameters are invalid.", { limit: "A whole number from 1 to 50." });
    const workspaceId = access.workspace.id;
    if (query.q !== undefined) return { items: await searchClaims({ workspaceId, query: query.q, limit }) };
    if (query.text !== undefined) {
      const excludeClaimIds = query.exclude?.split(",").filter(Boolean) ?? [];
      return { items: await suggestClaims({ workspaceId, text: query.text, language: query.language, limit, excludeClaimIds }) };
    }
    throw invalid("Give the selected passage (text=…) or a search query (q=…).", { text: "Required unless q is given." });
  },
});
