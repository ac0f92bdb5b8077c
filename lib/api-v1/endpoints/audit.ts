import { z } from "zod";
import { auditExportResponse, CHANGE_AREAS, listAudit, parseAuditFilter } from "@/lib/audit";
import { CHANGE_KINDS } from "@/lib/changes/kinds";
import { endpoint } from "../endpoint";

const dateTime = z.iso.datetime({ offset: true });

const auditEntrySchema = z
  .object({
    seq: z.int().meta({ description: "The change's place in the workspace's feed (1, 2, 3…, in commit order)." }),
    kind: z.string(),
    createdAt: dateTime,
    actor: z.object({ id: z.string(), name: z.string().nullable() }).nullable().meta({ description: "Who made the change; null for the system." }),
    claimId: z.string().nullable(),
    articleId: z.string().nullable(),
    subjectId: z.string().nullable(),
    summary: z.string(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "AuditEntry" });

const filterQuery = {
  person: z.string().optional().meta({ description: "Only changes made by this user id." }),
  kind: z.string().optional().meta({ description: `A kind (${CHANGE_KINDS.join(", ")}) or a whole area (${CHANGE_AREAS.join(", ")}).` }),
  from: z.string().optional().meta({ description: "YYYY-MM-DD, included (UTC)." }),
  to: z.string().optional().meta({ description: "YYYY-MM-DD, included (UTC)." }),
};

export const listAuditEndpoint = endpoint({
  id: "listAuditLog",
  method: "GET",
  path: "/workspaces/{ws}/audit",
  tag: "Audit log",
  summary: "List the audit log",
  description:
    "Admins only. Every change in the workspace, newest first by seq. `cursor` is the `nextCursor` of the previous page (the seq it ended at). Nothing in the log can be edited or deleted.",
  action: "workspace.update",
  query: z.object({
    ...filterQuery,
    limit: z.string().optional().meta({ description: "Items per page (1–200, default 50)." }),
    cursor: z.string().optional().meta({ description: "nextCursor from the previous page." }),
  }),
  responses: { 200: { description: "A page of the log.", schema: z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() }).meta({ id: "AuditPage" }) } },
  handler: async ({ access, query }) => {
    const { cursor, ...rest } = query;
    const filter = parseAuditFilter({ ...rest, before: cursor }, { before: "cursor" });
    const page = await listAudit(access, filter);
    return {
      items: page.items.map(({ change: c, actorName, summary }) => ({
        seq: c.seq,
        kind: c.kind,
        createdAt: c.createdAt.toISOString(),
        actor: c.actorId ? { id: c.actorId, name: actorName } : null,
        claimId: c.claimId,
        articleId: c.articleId,
        subjectId: c.subjectId,
        summary,
        data: c.data as Record<string, unknown>,
      })),
      nextCursor: page.nextBefore === null ? null : String(page.nextBefore),
    };
  },
});

export const exportAuditEndpoint = endpoint({
  id: "exportAuditLog",
  method: "GET",
  path: "/workspaces/{ws}/audit/export",
  tag: "Audit log",
  summary: "Export the audit log",
  description: "Admins only. The whole filtered log, oldest first, streamed as CSV (UTF-8 with BOM; cells starting with = + - @ get a leading apostrophe) or JSON Lines. The export itself is recorded.",
  action: "workspace.update",
  query: z.object({ format: z.enum(["csv", "jsonl"], { error: "Choose a format: csv or jsonl." }), ...filterQuery }),
  responses: {
    200: {
      description: "The log, streamed.",
      media: { "text/csv": "csv: one row per change.", "application/jsonl": "jsonl: one change per line." },
      headers: { "Content-Disposition": "attachment; filename=…" },
    },
  },
  handler: ({ access, req }) => auditExportResponse(access, new URL(req.url).searchParams),
});
