import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { encodeCursor } from "@/lib/api-v1/pagination";
import { createApiToken } from "@/lib/api-v1/tokens";
import { addComment } from "@/lib/claims/comments";
import { addRelation } from "@/lib/claims/relations";
import { claimWorld, explanation } from "@/lib/claims/test-world";
import { db } from "@/lib/db/client";
import { confirmAlias, createPair } from "@/lib/glossary";
import { createInvite } from "@/lib/invites/create-invite";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { updateWebhook } from "@/lib/webhooks/update-webhook";

/**
 * Test helper (not a test): the workspace the property tests fire requests
 * at, with a row of every kind a path can name (articles, highlights, claims
 * with sources, relations and comments, a deleted highlight, members, an
 * invite, tokens), and the real ids of each, by path parameter name.
 */
export async function fuzzWorld() {
  const w = await claimWorld();
  const second = await w.article();
  const c1 = await w.readyForApproval(await w.claim("about 40,000 vehicles a day"));
  const c2 = await w.claim("a third of their customers", { tags: ["economy"], claimant: "Traders" });
  const c3 = await w.claim("€12 million", { on: second });
  const annotator = await w.as(w.annotator);
  await addRelation(annotator, c2.id, { version: c2.version, toId: c3.id, type: "related" });
  const comment = await addComment(annotator, c1.id, { body: explanation("Checked with the council.") });
  const free = await w.highlight("4.1 percent");
  const gone = await w.highlight("the minister claimed");
  await deleteAnnotation(await w.as(w.admin), w.first.id, gone.id);
  const invite = await createInvite({ workspaceId: w.workspace.id, createdById: w.admin.id, role: "viewer" });
  const tokens = {
    admin: (await createApiToken(w.admin.id, { name: "fuzz", workspace: w.workspace.slug })).token,
    annotator: (await createApiToken(w.annotator.id, { name: "fuzz", workspace: w.workspace.slug })).token,
    viewer: (await createApiToken(w.viewer.id, { name: "fuzz", workspace: w.workspace.slug })).token,
  };
  // Two webhooks (one for the delete to remove), each with its creation queued, then disabled so no worker tries to reach them.
  const hooks = [
    await createWebhook(await w.as(w.admin), { url: "https://hooks.example.org/fuzz", kinds: ["webhook.changed", "claim.created"] }),
    await createWebhook(await w.as(w.admin), { url: "https://hooks.example.org/fuzz-2", kinds: ["webhook.changed"] }),
  ];
  for (const h of hooks) await updateWebhook(await w.as(w.admin), h.id, { enabled: false });
  // Glossary pairs, proposals (two, for accept and reject) and aliases (one for the delete to remove).
  const pairs = [
    await createPair(await w.as(w.admin), { language: "ru", term: "санкции", english: "sanctions" }),
    await createPair(await w.as(w.admin), { language: "uk", term: "урожай", english: "harvest" }),
  ];
  const proposals = await db.glossaryProposal.createManyAndReturn({
    data: [
      { workspaceId: w.workspace.id, language: "ru", termLexeme: "нов", englishLexeme: "new", term: "новые", english: "new", support: 2 },
      { workspaceId: w.workspace.id, language: "ru", termLexeme: "банк", englishLexeme: "bank", term: "банка", english: "bank", support: 2 },
    ],
    select: { id: true },
  });
  const aliases = [
    await confirmAlias(await w.as(w.admin), { names: ["Sergei Lavrov", "Сергей Лавров"] }),
    await confirmAlias(await w.as(w.admin), { names: ["Antony Blinken", "Anthony Blinken"] }),
  ];
  const deliveries = await db.webhookDelivery.findMany({ where: { webhookId: hooks[0].id }, select: { id: true } });
  const claims = await db.claim.findMany({ where: { workspaceId: w.workspace.id }, select: { id: true, sources: { select: { id: true } } } });
  const annotations = await db.annotation.findMany({ where: { article: { workspaceId: w.workspace.id } }, select: { id: true } });
  const relations = await db.claimRelation.findMany({ where: { fromId: c2.id }, select: { id: true } });
  const members = await db.membership.findMany({ where: { workspaceId: w.workspace.id }, select: { id: true, userId: true } });
  const apiTokens = await db.apiToken.findMany({ where: { userId: w.admin.id }, select: { id: true } });
  // Two notifications in the admin's inbox (the token owner's), so its list pages and "mark read" has one to mark.
  const change = await db.change.findFirstOrThrow({ where: { workspaceId: w.workspace.id }, select: { id: true } });
  for (const title of ["You were assigned a claim", "A claim was sent back"]) {
    await db.notification.create({ data: { userId: w.admin.id, workspaceId: w.workspace.id, kind: "assigned", changeId: change.id, title, claimId: c2.id } });
  }
  const notifications = await db.notification.findMany({ where: { userId: w.admin.id }, select: { id: true }, orderBy: { createdAt: "desc" } });
  /** Real ids by path parameter (and body field) name. */
  const ids: Record<string, string[]> = {
    ws: [w.workspace.slug],
    slug: [w.workspace.slug],
    articleId: [w.first.id, second.id],
    claimId: claims.map((c) => c.id),
    annotationId: annotations.map((a) => a.id),
    sourceId: claims.flatMap((c) => c.sources.map((s) => s.id)),
    relationId: relations.map((r) => r.id),
    commentId: [comment.id],
    memberId: members.map((m) => m.id),
    userId: members.map((m) => m.userId),
    inviteId: [invite.id],
    token: [invite.token],
    tokenId: apiTokens.map((t) => t.id),
    webhookId: hooks.map((h) => h.id),
    deliveryId: deliveries.map((d) => d.id),
    notificationId: notifications.map((n) => n.id),
    pairId: pairs.map((p) => p.id),
    proposalId: proposals.map((p) => p.id),
    aliasId: aliases.map((a) => a.id),
  };
  // Cursors shaped like the lists' own: a time or an empty key, and a real id.
  ids.cursor = [encodeCursor(new Date().toISOString(), c1.id), encodeCursor("", ids.annotationId[0]), encodeCursor("", ids.sourceId[0] ?? c1.id), encodeCursor("2020-01-01T00:00:00.000Z", "z")];
  return { ...w, second, c1, c2, c3, free, gone, invite, tokens, ids };
}

export type FuzzWorld = Awaited<ReturnType<typeof fuzzWorld>>;
