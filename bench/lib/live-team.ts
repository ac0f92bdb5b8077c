import { randomBytes } from "node:crypto";
import pg from "pg";
import { hashToken, TOKEN_PREFIX } from "@/lib/api-v1/tokens";

/**
 * A small workspace for the live bench: an admin with a session and an API
 * token (in SQL, as bench/lib/dataset.ts does), then an article, highlights
 * and claims made over HTTP the app's own way, so every writer's change
 * records go through the real code.
 */
export async function liveTeam(databaseUrl: string, baseUrl: string, claims: number) {
  const tag = `l${randomBytes(4).toString("hex")}`;
  const adminId = `${tag}u`;
  const workspaceId = `${tag}w`;
  const slug = `live-${tag}`;
  const sessionId = randomBytes(32).toString("base64url");
  const apiToken = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`INSERT INTO "Workspace" (id, slug, name) VALUES ($1, $2, 'Live bench')`, [workspaceId, slug]);
    await client.query(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, 'Ada Admin', 'x', now())`, [adminId, `${adminId}@bench.test`]);
    await client.query(`INSERT INTO "Membership" (id, "workspaceId", "userId", role) VALUES ($1, $2, $3, 'admin'::"Role")`, [`${adminId}m`, workspaceId, adminId]);
    await client.query(`INSERT INTO "Session" (id, "userId", "expiresAt") VALUES ($1, $2, now() + interval '30 days')`, [sessionId, adminId]);
    await client.query(`INSERT INTO "ApiToken" (id, "userId", "workspaceId", name, "tokenHash", prefix) VALUES ($1, $2, $3, 'bench', $4, $5)`, [
      `${tag}t`,
      adminId,
      workspaceId,
      hashToken(apiToken),
      apiToken.slice(0, TOKEN_PREFIX.length + 8),
    ]);
  } finally {
    await client.end();
  }
  const api = { authorization: `Bearer ${apiToken}`, "content-type": "application/json" };
  const sentences = Array.from({ length: claims }, (_, i) => `Claim number ${i + 1} says the bridge carries ${1000 + i} vehicles a day.`);
  const content = sentences.join("\n\n");
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${baseUrl}/api/v1/workspaces/${slug}${path}`, { method: "POST", headers: api, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  const created = await post("/articles", { title: "Live bench", content, format: "text" });
  const articleId = ((created.article as { id?: string } | undefined)?.id ?? created.id) as string;
  const ids: { id: string; version: number }[] = [];
  for (const s of sentences) {
    const start = content.indexOf(s);
    const annotation = await post(`/articles/${articleId}/annotations`, { start, end: start + s.length, revision: 1 });
    const claim = await post("/claims", { annotationId: annotation.id });
    ids.push({ id: claim.id as string, version: claim.version as number });
  }
  return { slug, workspaceId, admin: { id: adminId, name: "Ada Admin", email: `${adminId}@bench.test`, sessionId }, apiToken, claims: ids };
}
