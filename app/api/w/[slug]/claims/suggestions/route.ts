import { z } from "zod";
import { db } from "@/lib/db/client";
import { invalid } from "@/lib/errors";
import { fieldErrors } from "@/lib/http/problem";
import { workspaceRoute } from "@/lib/http/handler";
import { searchClaims, suggestClaims } from "@/lib/search/suggest-claims";
import { methods } from "@/lib/http/pipeline";

const paramsSchema = z.object({
  text: z.string().max(20_000).optional(),
  q: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(50).optional(),
  /** Claims not to suggest (comma-separated), e.g. the one the highlight already belongs to. */
  exclude: z.string().optional(),
  /** The article the selection is from: its language reads a selection too short to tell its own. */
  articleId: z.string().max(100).optional(),
});

/**
 * GET ?text=… suggestions for a selected passage; GET ?q=… the attach list's
 * search box. Both: best first, never linked automatically.
 */
const get = workspaceRoute("workspace.view", {}, async ({ req, access }) => {
  const parsed = paramsSchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) throw invalid("Some parameters are invalid.", fieldErrors(parsed.error));
  const { text, q, limit, exclude, articleId } = parsed.data;
  const workspaceId = access.workspace.id;
  if (q !== undefined) return { suggestions: await searchClaims({ workspaceId, query: q, limit }) };
  if (text !== undefined) {
    const excludeClaimIds = exclude?.split(",").filter(Boolean) ?? [];
    let articleLanguage: string | null = null;
    if (articleId !== undefined) {
      const article = await db.article.findFirst({ where: { id: articleId, workspaceId }, select: { language: true } });
      if (!article) throw invalid("Some parameters are invalid.", { articleId: "No such article in this workspace." });
      articleLanguage = article.language;
    }
    return { suggestions: await suggestClaims({ workspaceId, text, limit, excludeClaimIds, articleLanguage }) };
  }
  throw invalid("Give the selected text (text=…) or a search query (q=…).", { text: "Required unless q is given." });
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
