import { z } from "zod";
import { invalid } from "@/lib/errors";
import { workspaceRoute } from "@/lib/http/handler";
import { methods, validate } from "@/lib/http/pipeline";
import { answerSuggestionRequest, articleIdSchema, checkSuggestionQuery, MESSAGES, Q_MAX, suggestionBodySchema, TEXT_MAX } from "@/lib/search/suggestion-request";

const paramsSchema = z.object({
  text: z.string().max(TEXT_MAX, { error: MESSAGES.text }).optional(),
  q: z.string().max(Q_MAX, { error: MESSAGES.q }).optional(),
  limit: z.string().regex(/^\d{1,2}$/, { error: MESSAGES.limit }).optional(),
  /** Claims not to suggest (comma-separated), e.g. the one the highlight already belongs to. */
  exclude: z.string().optional(),
  /** The article the selection is from: its language reads a selection too short to tell its own. */
  articleId: articleIdSchema.optional(),
});

const bodySchema = suggestionBodySchema.extend({ articleId: articleIdSchema.optional() });

function limitOf(raw: string | undefined): number | undefined {
  return raw === undefined ? undefined : Number(raw);
}

/**
 * GET ?text=… suggestions for a selected passage; GET ?q=… the attach list's
 * search box. POST {text, …}: the same for a selection too long for a URL.
 * Both: best first, never linked automatically.
 */
const get = workspaceRoute("workspace.view", {}, async ({ req, access }) => {
  const url = new URL(req.url);
  const p = validate(paramsSchema, Object.fromEntries(url.searchParams), "query");
  const limit = limitOf(p.limit);
  if (limit !== undefined && (limit < 1 || limit > 50)) throw invalid("Some query parameters are invalid.", { limit: MESSAGES.limit });
  const { excludeClaimIds } = checkSuggestionQuery(url, Object.keys(paramsSchema.shape));
  return { suggestions: await answerSuggestionRequest(access.workspace.id, { text: p.text, q: p.q, limit, excludeClaimIds, articleId: p.articleId }) };
});

const post = workspaceRoute("workspace.view", { body: bodySchema }, async ({ body, access }) => ({
  suggestions: await answerSuggestionRequest(access.workspace.id, { text: body.text, q: body.q, limit: body.limit, excludeClaimIds: body.exclude, articleId: body.articleId }),
}));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: post });
