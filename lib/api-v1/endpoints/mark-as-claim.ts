import { z } from "zod";
import { markAsClaim, markAsClaimSchema } from "@/lib/claims/mark-as-claim";
import { endpoint } from "../endpoint";
import { claimSchema } from "../schemas";

const markedSchema = z
  .object({
    annotationId: z.string().meta({ description: "The highlight that is now the mention." }),
    claim: claimSchema,
  })
  .meta({ id: "MarkedClaim" });

export const markAsClaimEndpoint = endpoint({
  id: "markAsClaim",
  method: "POST",
  path: "/workspaces/{ws}/articles/{articleId}/mark-as-claim",
  tag: "Claims",
  summary: "Mark a passage as a claim",
  description:
    "Highlights `{start, end}` of `revision` (or uses the plain highlight `annotationId`) and makes it the first mention of a new claim, " +
    "or, with `claimId` and its `version`, one more mention of that claim; `feedback` records what was done with the suggestions shown. " +
    "One transaction: any failure leaves no highlight behind. The same words highlighted meanwhile are reused; if they are already a mention, 409 names `annotationId` and `claimId`.",
  action: "annotation.create",
  body: markAsClaimSchema,
  status: 201,
  responses: {
    201: { description: "The highlight and its claim.", schema: markedSchema },
    409: { description: "A stale `revision` or claim `version`, or the words are already a mention of a claim (`annotationId`, `claimId`)." },
  },
  example: { start: 4, end: 40, revision: 1, statement: "The bridge carries 40,000 vehicles a day", claimant: "Council leader" },
  handler: ({ access, params, body }) => markAsClaim(access, params.articleId, body),
});
