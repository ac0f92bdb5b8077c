import { z } from "zod";
import { EXPORT_FORMATS, EXPORT_FORMAT_LABELS, exportResponse, REPEATABLE_EXPORT_PARAMS } from "@/lib/export";
import { LOCALES } from "@/lib/i18n/locales";
import { endpoint } from "../endpoint";

const text = (description: string) => z.string().optional().meta({ description });

/**
 * The query as documented (EXPORT_QUERY_PARAMS, which the cookie routes take); lib/export validates
 * the filters themselves (400 naming the bad one) from the raw query string, where `tag` may repeat.
 */
const exportQuery = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `Choose a format: ${EXPORT_FORMATS.join(", ")}.` }).meta({
    description: EXPORT_FORMATS.map((f) => `${f}: ${EXPORT_FORMAT_LABELS[f].description}`).join(" "),
  }),
  articles: text("Comma-separated article ids (default: all)."),
  reviewState: text("Comma-separated review states."),
  verdict: text("Comma-separated verdicts, or none."),
  tag: text("A claim tag; repeat for any of several."),
  claimant: text("Substring of the claimant, case-insensitive."),
  dateField: z.enum(["claimDate", "createdAt"]).optional().meta({ description: "Which date from/to filter on (default claimDate)." }),
  from: text("YYYY-MM-DD, included (UTC)."),
  to: text("YYYY-MM-DD, included (UTC)."),
  withVerdict: text("true: only claims with a verdict."),
  revisions: text("Bundle only: true includes every article revision."),
  locale: z.enum(LOCALES).optional().meta({ description: "The language verdict labels are written in (CSV label column, JSON Lines and W3C verdictLabel, ClaimReview name/alternateName): the workspace's label in it, else the built-in name in it. Default en. The bundle carries every language either way." }),
})
  // A misspelt filter ignored would export the whole set: any parameter not listed is a 400 naming it.
  .strict();

export const exportEndpoint = endpoint({
  id: "exportWorkspace",
  method: "GET",
  path: "/workspaces/{ws}/export",
  tag: "Exports",
  summary: "Export a set of articles, highlights and claims",
  description:
    "Streamed as it is read (a batch at a time, with backpressure), as an attachment named <workspace>-<date>.<extension>. Filters choose the set as on the export page.",
  action: "workspace.view",
  query: exportQuery,
  repeatableQuery: REPEATABLE_EXPORT_PARAMS,
  responses: {
    200: {
      description: "The export, streamed.",
      media: {
        "application/json": "bundle: the Claimtrail bundle.",
        "application/jsonl": "jsonl: one claim per line.",
        "text/csv": "csv: one row per claim (UTF-8 with BOM).",
        "application/ld+json": "w3c (AnnotationCollection) or claimreview (schema.org ClaimReview), JSON-LD.",
      },
      headers: { "Content-Disposition": "attachment; filename=…" },
    },
  },
  handler: ({ access, req }) => exportResponse(access, new URL(req.url).searchParams, undefined, req.signal),
});
