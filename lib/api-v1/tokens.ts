import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { authorize } from "@/lib/auth/permissions";
import { recordChange } from "@/lib/changes";
import { db, type Role } from "@/lib/db/client";
import { userRef } from "@/lib/members/user-ref";
import { conflict, notFound, said } from "@/lib/errors";
import { isOneLine } from "@/lib/validation/text";

/**
 * Personal API tokens. A token is `ct_` and 43 base64url characters (256 random
 * bits); only its SHA-256 is stored, with a short prefix to tell tokens apart.
 * Each token belongs to one user and one workspace and acts with the user's
 * CURRENT role there: the membership is looked up on every request.
 */
export const TOKEN_PREFIX = "ct_";
const PREFIX_LENGTH = TOKEN_PREFIX.length + 8;

export const newTokenSchema = z.object({
  name: z.string({ error: "Name the token." }).trim().min(1, "Name the token.").max(100, "Keep the name under 100 characters.").refine(isOneLine, { message: "Write it on one line, without tabs, control or invisible direction characters.", params: { code: "one_line" } }),
  workspace: z.string({ error: "Choose a workspace." }).trim().min(1, "Choose a workspace.").max(100),
});
export type NewTokenInput = z.infer<typeof newTokenSchema>;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface CreatedToken {
  id: string;
  name: string;
  prefix: string;
  workspace: { slug: string; name: string };
  createdAt: string;
  /** The token itself: shown this once, never stored. */
  token: string;
}

/** Active (unrevoked) tokens one person may hold: each has its own rate limit, so unlimited tokens would mean no limit. */
export const MAX_ACTIVE_TOKENS = 20;

/** A new token for a workspace the user belongs to (any role; it acts with that role). */
export async function createApiToken(userId: string, input: NewTokenInput): Promise<CreatedToken> {
  const access = await authorize(userId, input.workspace, "workspace.view");
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const row = await db.$transaction(async (tx) => {
    // The user's row is locked so that concurrent creations count one after another.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
    const active = await tx.apiToken.count({ where: { userId, revokedAt: null } });
    if (active >= MAX_ACTIVE_TOKENS) {
      const why = said("tokens_full", `You already have ${MAX_ACTIVE_TOKENS} active API tokens, the most one person may hold. Revoke one you no longer use first.`, { limit: MAX_ACTIVE_TOKENS });
      throw conflict(why, { tokens: why });
    }
    const created = await tx.apiToken.create({
      data: { userId, workspaceId: access.workspace.id, name: input.name, tokenHash: hashToken(token), prefix: token.slice(0, PREFIX_LENGTH) },
      select: { id: true, name: true, prefix: true, createdAt: true },
    });
    await recordChange(tx, {
      kind: "token.created",
      workspaceId: access.workspace.id,
      actorId: userId,
      subjectId: created.id,
      data: { name: created.name, prefix: created.prefix, owner: await userRef(tx, userId) },
    });
    return created;
  });
  return { ...row, createdAt: row.createdAt.toISOString(), workspace: { slug: access.workspace.slug, name: access.workspace.name }, token };
}

export interface TokenListItem {
  id: string;
  name: string;
  prefix: string;
  workspace: { slug: string; name: string };
  /** The role the token acts with now; null when its owner left the workspace (the token then does nothing). */
  role: Role | null;
  createdAt: string;
  lastUsedAt: string | null;
}

/** The user's tokens that are not revoked, newest first. */
export async function listApiTokens(userId: string): Promise<TokenListItem[]> {
  const rows = await db.apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      workspace: { select: { slug: true, name: true, memberships: { where: { userId }, select: { role: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    workspace: { slug: r.workspace.slug, name: r.workspace.name },
    role: r.workspace.memberships[0]?.role ?? null,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  }));
}

/** Revokes one of the user's own tokens; someone else's is "not found". */
export async function revokeApiToken(userId: string, tokenId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const [revoked] = await tx.apiToken.updateManyAndReturn({
      where: { id: tokenId, userId, revokedAt: null },
      data: { revokedAt: new Date() },
      select: { id: true, name: true, prefix: true, workspaceId: true },
    });
    if (!revoked) throw notFound("Token not found");
    await recordChange(tx, {
      kind: "token.revoked",
      workspaceId: revoked.workspaceId,
      actorId: userId,
      subjectId: revoked.id,
      data: { name: revoked.name, prefix: revoked.prefix, owner: await userRef(tx, userId) },
    });
  });
}

export interface ResolvedToken {
  id: string;
  userId: string;
  workspace: { id: string; slug: string };
}

/** The live token a bearer string stands for, or null (unknown, malformed or revoked). */
export async function resolveApiToken(token: string): Promise<ResolvedToken | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, revokedAt: true, workspace: { select: { id: true, slug: true } } },
  });
  if (!row || row.revokedAt) return null;
  return { id: row.id, userId: row.userId, workspace: row.workspace };
}

/** Is the token (by id) still unrevoked? For streams that outlive the request that checked it. */
export async function tokenStillValid(tokenId: string): Promise<boolean> {
  const row = await db.apiToken.findUnique({ where: { id: tokenId }, select: { revokedAt: true } });
  return !!row && !row.revokedAt;
}

/** Records use, writing at most once a minute per token (the condition is in SQL, so instances don't race into extra writes). */
export async function touchApiToken(tokenId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "ApiToken" SET "lastUsedAt" = now()
    WHERE id = ${tokenId} AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - interval '1 minute')`;
}
