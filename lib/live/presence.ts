import { z } from "zod";
import type { Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { id } from "@/lib/validation/id";

import { PRESENCE_TTL_MS } from "./heartbeat";

export const presenceSchema = z
  .object({
    subject: z.enum(["article", "claim"], { error: "Give article or claim." }),
    id: id(),
    /** The page is closing: remove this viewer now rather than when the heartbeat stops. */
    leaving: z.boolean().optional(),
  })
  .strict();

export interface Viewer {
  id: string;
  name: string;
}

/**
 * A viewer's heartbeat on an article or claim page: records (or, leaving,
 * removes) them, and answers who else is on that page now. The answer is how
 * presence reaches the other viewers, each on their own heartbeat; it lives
 * in PostgreSQL, so viewers on different instances see each other.
 */
export async function heartbeat(access: Access, input: z.infer<typeof presenceSchema>): Promise<{ viewers: Viewer[] }> {
  const ws = access.workspace.id;
  const exists =
    input.subject === "article"
      ? await db.article.count({ where: { id: input.id, workspaceId: ws } })
      : await db.claim.count({ where: { id: input.id, workspaceId: ws } });
  if (!exists) throw notFound(input.subject === "article" ? "Article not found" : "Claim not found");
  const subject = `${input.subject}:${input.id}`;
  if (input.leaving) {
    await db.presence.deleteMany({ where: { userId: access.userId, subject } });
    return { viewers: [] };
  }
  const now = new Date();
  await db.presence.upsert({
    where: { userId_subject: { userId: access.userId, subject } },
    create: { userId: access.userId, workspaceId: ws, subject, lastSeen: now },
    update: { lastSeen: now, workspaceId: ws },
  });
  const rows = await db.presence.findMany({
    where: { workspaceId: ws, subject, lastSeen: { gt: new Date(now.getTime() - PRESENCE_TTL_MS) }, userId: { not: access.userId }, user: { memberships: { some: { workspaceId: ws } } } },
    select: { user: { select: { id: true, name: true } } },
    orderBy: { lastSeen: "desc" },
    take: 20,
  });
  return { viewers: rows.map((r) => r.user).sort((a, b) => a.name.localeCompare(b.name)) };
}
