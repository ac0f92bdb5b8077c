import { stringify } from "csv-stringify/sync";
import { assertCan, type Access } from "@/lib/auth/permissions";
import { recordChange } from "@/lib/changes/record";
import { parseChange } from "@/lib/changes/read";
import { db } from "@/lib/db/client";
import { invalid, said } from "@/lib/errors";
import { CSV_BOM, neutralise, OPTIONS } from "@/lib/export/formats/csv";
import { parseAuditFilter, type AuditFilter } from "./filters";
import { actorNames, auditWhere, type AuditEntry } from "./list-audit";
import { summarizeChange } from "./summary";

export const AUDIT_FORMATS = ["csv", "jsonl"] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export const AUDIT_CSV_COLUMNS = ["Seq", "When", "Person ID", "Person", "Kind", "Claim ID", "Article ID", "Subject ID", "Summary", "Data"] as const;
const BATCH = 500;

/** Every matching change, oldest first, a batch at a time (keyset on seq), so the export never holds the log in memory. */
async function* entries(access: Access, f: Omit<AuditFilter, "limit" | "before">): AsyncGenerator<AuditEntry> {
  let after = 0n;
  for (;;) {
    const rows = await db.change.findMany({ where: { ...auditWhere(access, f), seq: { not: null, gt: after } }, orderBy: { seq: "asc" }, take: BATCH });
    if (rows.length === 0) return;
    const changes = rows.map(parseChange);
    const names = await actorNames(changes);
    for (const c of changes) yield { change: c, actorName: c.actorId ? (names.get(c.actorId) ?? null) : null, summary: summarizeChange(c) };
    after = rows.at(-1)!.seq!;
    if (rows.length < BATCH) return;
  }
}

function csvLine(e: AuditEntry): string {
  const c = e.change;
  const cells = [String(c.seq), c.createdAt.toISOString(), c.actorId ?? "", e.actorName ?? "", c.kind, c.claimId ?? "", c.articleId ?? "", c.subjectId ?? "", e.summary, JSON.stringify(c.data)];
  return stringify([cells.map(neutralise)], OPTIONS);
}

/**
 * The audit log as CSV (UTF-8 with BOM, formulas neutralised like the claims
 * export) or JSON Lines, streamed. Exporting is itself recorded
 * (`export.created`), before the first byte.
 */
export async function auditExportResponse(access: Access, params: URLSearchParams): Promise<Response> {
  assertCan(access, "workspace.update");
  const format = params.get("format");
  if (!AUDIT_FORMATS.includes(format as AuditFormat)) throw invalid(said("choose_format", "Choose a format: csv or jsonl.", { values: "csv, jsonl" }), { format: said("one_of", "Choose csv or jsonl.", { values: "csv, jsonl" }) });
  const raw = Object.fromEntries([...params.entries()].filter(([k]) => k !== "format"));
  // Paging doesn't apply to an export: the whole filtered log is streamed.
  const filter = parseAuditFilter({ person: raw.person, kind: raw.kind, from: raw.from, to: raw.to });
  await db.$transaction((tx) =>
    recordChange(tx, {
      kind: "export.created",
      workspaceId: access.workspace.id,
      actorId: access.userId,
      data: { format: `audit-${format}`, filters: Object.fromEntries(Object.entries({ person: raw.person, kind: raw.kind, from: raw.from, to: raw.to }).filter(([, v]) => v !== undefined)), rows: null },
    }),
  );
  const encoder = new TextEncoder();
  const it = entries(access, filter);
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        if (format === "csv") {
          controller.enqueue(encoder.encode(CSV_BOM + stringify([[...AUDIT_CSV_COLUMNS]], OPTIONS)));
          return;
        }
      }
      try {
        const next = await it.next();
        if (next.done) return controller.close();
        const e = next.value;
        const c = e.change;
        const line =
          format === "csv"
            ? csvLine(e)
            : `${JSON.stringify({ seq: c.seq, createdAt: c.createdAt.toISOString(), actorId: c.actorId, actorName: e.actorName, kind: c.kind, claimId: c.claimId, articleId: c.articleId, subjectId: c.subjectId, summary: e.summary, data: c.data })}\n`;
        controller.enqueue(encoder.encode(line));
      } catch (err) {
        console.error("Audit export failed while streaming", err);
        controller.error(err);
      }
    },
    async cancel() {
      await it.return(undefined);
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/jsonl; charset=utf-8",
      "content-disposition": `attachment; filename="${access.workspace.slug}-audit-${date}.${format}"`,
      "cache-control": "no-store",
    },
  });
}
