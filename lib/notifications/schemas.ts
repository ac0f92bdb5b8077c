import { z } from "zod";
import { queryInt } from "@/lib/validation/numbers";
import { cursorField } from "@/lib/validation/cursor";

/** `?limit=&cursor=&unread=` for a page of the inbox (cookie route and /api/v1). */
export const inboxQuery = z.object({
  limit: queryInt("limit", 1, 100).default(50).meta({ description: "Items per page (1–100, default 50)." }),
  cursor: cursorField.optional().meta({ description: "nextCursor from the previous page." }),
  unread: z.enum(["true", "false"], { error: "Give unread as true or false." }).optional().meta({ description: "true: only unread notifications." }),
});
