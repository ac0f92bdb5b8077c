import type { Prisma } from "@/lib/db/client";
import type { RichDoc, RichNode } from "./rich-text";

/** The mention nodes of a comment: user id and the name shown, in order, each person once. */
export function mentionNodes(doc: RichDoc): { id: string; label: string }[] {
  const found = new Map<string, string>();
  const stack: RichNode[] = [...doc.content];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === "mention" && typeof node.attrs?.id === "string" && node.attrs.id) {
      if (!found.has(node.attrs.id)) found.set(node.attrs.id, typeof node.attrs.label === "string" ? node.attrs.label : "someone");
    }
    if (node.content) stack.push(...node.content);
  }
  return [...found].map(([id, label]) => ({ id, label }));
}

/**
 * Who a comment @mentions that belongs to the workspace (they are told), and
 * the names of those who don't (nobody is told; the answer says so).
 */
export async function resolveMentions(tx: Prisma.TransactionClient, workspaceId: string, doc: RichDoc): Promise<{ mentioned: string[]; ignored: string[] }> {
  const nodes = mentionNodes(doc);
  if (!nodes.length) return { mentioned: [], ignored: [] };
  const members = await tx.membership.findMany({ where: { workspaceId, userId: { in: nodes.map((n) => n.id) } }, select: { userId: true } });
  const ids = new Set(members.map((m) => m.userId));
  return { mentioned: nodes.filter((n) => ids.has(n.id)).map((n) => n.id), ignored: nodes.filter((n) => !ids.has(n.id)).map((n) => n.label) };
}
