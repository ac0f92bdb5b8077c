import { z } from "zod";
import { queryInt } from "@/lib/validation/numbers";
import { CHANGE_KINDS, changeArea, type ChangeKind } from "@/lib/changes/kinds";
import { calendarDate } from "@/lib/validation/date";
import { id } from "@/lib/validation/id";
import { DomainError } from "@/lib/errors";
import { issueCode, type FieldCodes } from "@/lib/http/error-codes";

/** The kinds' areas ("claim", "member", "webhook", …), for the kind filter's groups. */
export const CHANGE_AREAS = [...new Set(CHANGE_KINDS.map(changeArea))];

const KIND_OR_AREA = [...CHANGE_KINDS, ...CHANGE_AREAS];

/**
 * The audit log's filters, from a query string (page and API alike): a
 * person (user id), a kind or a whole area, a UTC date range (both days
 * included), and `before`, the seq the previous page ended at.
 */
export const auditFilterSchema = z
  .object({
    person: id("Choose a person from the list.").optional(),
    kind: z.enum(KIND_OR_AREA as [string, ...string[]], { error: "Choose a kind of event from the list." }).optional(),
    from: calendarDate().optional(),
    to: calendarDate().optional(),
    before: z.coerce.number({ error: "Give a page position (a seq)." }).int("Give a page position (a seq).").min(1).max(Number.MAX_SAFE_INTEGER).optional(),
    limit: queryInt("limit", 1, 200).default(50),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { error: "The start date is after the end date.", path: ["to"], params: { code: "date_order" } });

export type AuditFilter = z.output<typeof auditFilterSchema>;

/** The kinds a kind-or-area filter stands for. */
export function kindsOf(kind: string | undefined): ChangeKind[] | undefined {
  if (!kind) return undefined;
  return CHANGE_KINDS.filter((k) => k === kind || changeArea(k) === kind);
}

/** The end of the `to` day (dates are midnight UTC). */
export function endOfDay(d: Date): Date {
  return new Date(d.getTime() + 86_400_000);
}

/** Parses the filters from query values; bad ones are a 400 naming each (`rename` maps our names to the caller's, e.g. before → cursor). */
export function parseAuditFilter(raw: Record<string, string | undefined>, rename: Record<string, string> = {}): AuditFilter {
  const parsed = auditFilterSchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)));
  if (parsed.success) return parsed.data;
  // Every bad filter is named (first message per field), so none is silently dropped.
  const fields: Record<string, string> = {};
  const fieldCodes: FieldCodes = {};
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? "query");
    fields[rename[name] ?? name] ??= issue.message;
    fieldCodes[rename[name] ?? name] ??= issueCode(issue);
  }
  throw new DomainError(400, parsed.error.issues[0].message, fields, { fieldCodes });
}
