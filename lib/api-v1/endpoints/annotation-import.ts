import { z } from "zod";
import { importAnnotations, importAnnotationsSchema } from "@/lib/annotation-import/import-annotations";
import { MAX_CONTENT_BYTES } from "@/lib/annotation-import/limits";
import { TOOLS } from "@/lib/annotation-import/formats";
import { endpoint } from "../endpoint";

const OUTCOMES = ["placed", "moved", "orphaned", "duplicate"] as const;

/** A report line's machine code (lib/http/error-codes.ts) and the values it names: the English stays in `reason`. */
const codedFields = {
  code: z.string().meta({ description: "The reason's machine code, e.g. `annotation_line_not_json`." }),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional().meta({ description: "The values the reason names." }),
};
const coded = z.object(codedFields);

export const annotationImportReportSchema = z
  .object({
    tool: z.enum(TOOLS),
    toolName: z.string(),
    dryRun: z.boolean(),
    counts: z.object(Object.fromEntries(OUTCOMES.map((o) => [o, z.int()])) as Record<(typeof OUTCOMES)[number], z.ZodInt>),
    articles: z.array(z.object({ id: z.string().nullable().meta({ description: "null: a new article, created on import." }), title: z.string(), status: z.enum(["existing", "new"]) })),
    claims: z.int().meta({ description: "New claims (spans labelled as claims, or our own export's claims not yet here)." }),
    rows: z.array(
      z.object({
        n: z.int().meta({ description: "The span's place in the file, from 1." }),
        status: z.enum(OUTCOMES),
        quote: z.string(),
        start: z.int().nullable().meta({ description: "Where it is placed, in UTF-16 code units of the article's text." }),
        end: z.int().nullable(),
        article: z.object({ id: z.string().nullable(), title: z.string() }).nullable(),
        creator: z.string().nullable().meta({ description: "Who made it in the other tool." }),
        tags: z.array(z.string()),
        claim: z.string().nullable(),
        reason: z.string().nullable(),
        reasonCode: coded.nullable().meta({ description: "The reason's machine code and the values it names (as problem+json `fieldCodes`), for saying it in another language." }),
        notices: z.array(z.string()).meta({ description: "What was shortened to fit Claimtrail's limits (a note over 5,000 characters, a tag over 40, more than 20 tags, a claim statement over 2,000): the rest of the span imports as it is." }),
        noticeCodes: z.array(coded).meta({ description: "Each notice's machine code and values, in the same order." }),
        stored: z.boolean().meta({ description: "Whether importing writes it: placed and moved spans, and orphans that have a quote and an article (kept as orphaned highlights)." }),
      }),
    ),
    skipped: z
      .array(z.object({ line: z.int().meta({ description: "1-based line of the file." }), reason: z.string(), ...codedFields }))
      .meta({ description: "JSON Lines (doccano): lines that aren't JSON or aren't a record, left out; the other lines are imported." }),
    skippedResults: z
      .array(
        z.object({
          task: z.int().meta({ description: "1-based place of the task in the file." }),
          annotation: z.int().meta({ description: "1-based place of the annotation in the task." }),
          result: z.int().meta({ description: "1-based place of the result in the annotation." }),
          field: z.string().meta({ description: "JSON path of what is wrong, e.g. `[1].annotations[0].result[2].value`." }),
          reason: z.string(),
          ...codedFields,
        }),
      )
      .meta({ description: "Label Studio: span results that can't be read (no `value`, a field of the wrong type), left out; the other results are imported." }),
    skippedTasks: z
      .array(
        z.object({
          task: z.int().meta({ description: "1-based place of the task in the file." }),
          field: z.string().meta({ description: "JSON path where its text belongs, e.g. `[1].data.text`." }),
          reason: z.string(),
          ...codedFields,
        }),
      )
      .meta({ description: "Label Studio: tasks with no text to mark (none, or only an image, audio or file address), left out and never made articles; the other tasks are imported." }),
  })
  .meta({ id: "AnnotationImportReport" });

export const importAnnotationsEndpoint = endpoint({
  id: "importAnnotations",
  method: "POST",
  path: "/workspaces/{ws}/annotation-imports",
  tag: "Annotations",
  summary: "Import another tool's annotations",
  description:
    "`content` is the file's text: W3C Web Annotations (one, a list, an AnnotationPage or an AnnotationCollection with its page embedded; Claimtrail's own W3C export included), " +
    "a Hypothesis API search response (`{rows}`) or list, Label Studio JSON tasks, or doccano JSONL. Each span is placed through quote and position (fuzzy when the text differs) on " +
    "the article given as `articleId`, else the one the file names (our export's `ct:article`, the annotated page's URL), else, when the file carries the text (Label Studio, doccano), " +
    "the article with that text or a new one. `dryRun=true` (the default) only reports placed / moved / orphaned / duplicate per span; `dryRun=false` writes everything placed in one transaction, and keeps orphans that have a quote and an article as orphaned highlights (listed in the reader to place by hand). " +
    "Label Studio and doccano labels become tags on the highlight; a label named Claim makes the span a claim. Bad files are 400/422 naming the field.",
  action: "annotation.create",
  query: z.object({ dryRun: z.enum(["true", "false"]).default("true").meta({ description: "true: report only (default); false: import." }) }),
  body: importAnnotationsSchema,
  maxBodyBytes: MAX_CONTENT_BYTES * 2,
  responses: {
    200: { description: "What was (or, in a dry run, would be) imported, span by span.", schema: annotationImportReportSchema },
    404: { description: "`articleId` is not an article of this workspace." },
    422: { description: "Not a file of a format read here, or a span or field of the wrong shape (`errors` names it)." },
  },
  example: {
    content: JSON.stringify({ rows: [{ uri: "https://news.example/bridge", user: "acct:jane@hypothes.is", text: "Check this", tags: ["transport"], target: [{ source: "https://news.example/bridge", selector: [{ type: "TextQuoteSelector", exact: "about 40,000 vehicles a day" }] }] }] }),
  },
  handler: ({ access, body, query }) => importAnnotations(access, body, { dryRun: query.dryRun === "true" }),
});
