import { invalid, said } from "@/lib/errors";
import { isCalendarDate } from "@/lib/validation/date";
import { isId } from "@/lib/validation/id";
import type { After } from "./claim-reads";

/**
 * The cursor of a claim's history (and the REST API's claim-part lists):
 * base64url JSON of the last item's time and id, the same shape as the REST
 * API's cursors (lib/api-v1/pagination.ts), so one cursor works in both.
 */
export function encodeHistoryCursor(after: After): string {
  return Buffer.from(JSON.stringify([after.at.toISOString(), after.id])).toString("base64url");
}

export function decodeHistoryCursor(raw: string): After {
  try {
    const [key, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown[];
    if (typeof key === "string" && typeof id === "string" && isCalendarDate(key) && isId(id)) {
      const at = new Date(key);
      const year = at.getUTCFullYear();
      if (!Number.isNaN(at.getTime()) && year >= 1 && year <= 9999) return { at, id };
    }
  } catch {
    // fall through
  }
  throw invalid(said("invalid_cursor", "That page cursor is not valid for this list; start from the first page."), { cursor: said("invalid_cursor", "Invalid cursor.") });
}
