import { queryInt } from "@/lib/validation/numbers";
import { DomainError, invalid, said } from "@/lib/errors";
import { isCalendarDate } from "@/lib/validation/date";
import { isId } from "@/lib/validation/id";
import { cursorField } from "@/lib/validation/cursor";

/**
 * Cursor pagination for /api/v1 lists: `?limit=&cursor=`, answered with
 * `{ items, nextCursor }`. A cursor is opaque (base64url JSON of the last
 * item's sort key and id) and only valid for the list and order it came from.
 */
export const pageQuery = {
  limit: queryInt("limit", 1, 100).default(50).meta({ description: "Items per page (1–100, default 50)." }),
  cursor: cursorField.optional().meta({ description: "nextCursor from the previous page." }),
};

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A list refused for its cursor alone (edited, or one of another list's). The pages show the first
 * page then, saying so (a stale bookmark is no error of the reader's); the APIs answer 400 naming it.
 */
export function onlyTheCursorIsWrong(err: unknown): err is DomainError {
  return err instanceof DomainError && err.status === 400 && Object.keys(err.fields).join() === "cursor";
}

export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString("base64url");
}

/**
 * The key and id of one of our cursors. The keys we hand out are a timestamp
 * (toISOString) or "" and the ids are cuids, so anything else (a NUL, a year
 * PostgreSQL can't compare with, such as -271821) is an invalid cursor, not
 * a failed query.
 */
export function decodeCursor(raw: string): { key: string; id: string } {
  try {
    const [key, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown[];
    if (typeof key === "string" && typeof id === "string" && (key === "" || isCalendarDate(key)) && isId(id)) return { key, id };
  } catch {
    // fall through
  }
  throw invalid(said("invalid_cursor", "That page cursor is not valid for this list; start from the first page."), { cursor: said("invalid_cursor", "Invalid cursor.") });
}

/** A cursor keyed by a timestamp: the date must be one PostgreSQL can compare (years 1–9999). */
export function decodeDateCursor(raw: string): { at: Date; id: string } {
  const { key, id } = decodeCursor(raw);
  const at = new Date(key);
  const year = at.getUTCFullYear();
  if (Number.isNaN(at.getTime()) || year < 1 || year > 9999) throw invalid(said("invalid_cursor", "That page cursor is not valid for this list."), { cursor: said("invalid_cursor", "Invalid cursor.") });
  return { at, id };
}

/** From `limit + 1` rows fetched after the cursor: the page and the cursor for the next one. */
export function pageFrom<R, T>(rows: R[], limit: number, keyOf: (row: R) => { key: string; id: string }, map: (row: R) => T): Page<T> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next = rows.length > limit && last ? keyOf(last) : null;
  return { items: page.map(map), nextCursor: next ? encodeCursor(next.key, next.id) : null };
}

/**
 * For short collections already in memory in their natural order (a claim's
 * sources, mentions, relations): the cursor is the last item's id.
 */
export function pageOfArray<T>(items: T[], limit: number, cursor: string | undefined, idOf: (item: T) => string): Page<T> {
  let from = 0;
  if (cursor) {
    const { id } = decodeCursor(cursor);
    const at = items.findIndex((item) => idOf(item) === id);
    if (at < 0) throw invalid(said("invalid_cursor", "That page cursor is not valid for this list; start from the first page."), { cursor: said("invalid_cursor", "Invalid cursor.") });
    from = at + 1;
  }
  const rows = items.slice(from, from + limit + 1);
  return pageFrom(rows, limit, (item) => ({ key: "", id: idOf(item) }), (item) => item);
}
