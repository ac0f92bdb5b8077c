import type { Change } from "@/lib/changes/kinds";

const quote = (s: string, max = 80) => `“${s.length > max ? `${s.slice(0, max - 1)}…` : s}”`;

/** One line a person reads in the audit log for a change. */
export function summarizeChange(c: Change): string {
  switch (c.kind) {
    case "claim.created":
      return `Created claim ${quote(c.data.statement)}`;
    case "claim.edited":
      return `Changed the claim's ${c.data.field}`;
    case "claim.mention-added":
      return `Added mention ${quote(c.data.exact)}`;
    case "claim.mention-removed":
      return `Removed mention ${quote(c.data.exact)}`;
    case "claim.review-state":
      return `Review state ${c.data.from} → ${c.data.to}`;
    case "claim.verdict":
      return `Verdict ${c.data.from ?? "none"} → ${c.data.to ?? "none"}`;
    case "claim.source-added":
      return `Added source ${quote(c.data.title)}`;
    case "claim.source-removed":
      return `Removed source ${quote(c.data.title)}`;
    case "claim.source-edited":
      return `Edited source ${quote(c.data.title)}`;
    case "claim.relation-added":
      return `Linked (${c.data.type}) ${quote(c.data.otherStatement)}`;
    case "claim.relation-removed":
      return `Unlinked (${c.data.type}) ${quote(c.data.otherStatement)}`;
    case "claim.merged":
      return `Merged ${quote(c.data.fromStatement)} into this claim`;
    case "claim.deleted":
      return "Deleted the claim";
    case "claim.restored":
      return "Restored the claim";
    case "comment.created":
      return "Commented";
    case "comment.edited":
      return "Edited a comment";
    case "comment.deleted":
      return "Deleted a comment";
    case "article.created":
      return `Added article ${quote(c.data.title)} (${c.data.via})`;
    case "article.edited":
      return `Edited article ${quote(c.data.title)} (revision ${c.data.revision})`;
    case "article.deleted":
      return `Deleted article ${quote(c.data.title)}`;
    case "annotation.created":
      return `Highlighted ${quote(c.data.exact)}`;
    case "annotation.deleted":
      return `Deleted highlight ${quote(c.data.exact)}`;
    case "annotation.restored":
      return `Restored highlight ${quote(c.data.exact)}`;
    case "annotation.reanchored":
      return `Re-anchored ${c.data.count} highlights (${c.data.orphaned} orphaned)`;
    case "member.joined":
      return `${c.data.user.name} joined as ${c.data.role}`;
    case "member.role-changed":
      return `${c.data.user.name}: ${c.data.from} → ${c.data.to}`;
    case "member.removed":
      return `Removed ${c.data.user.name} (${c.data.role})`;
    case "invite.created":
      return `Invited someone as ${c.data.role}`;
    case "invite.accepted":
      return `${c.data.user.name} accepted an invite as ${c.data.role}`;
    case "invite.revoked":
      return `Revoked an invite (${c.data.role})`;
    case "token.created":
      return `${c.data.owner.name} created API token ${quote(c.data.name)}`;
    case "token.revoked":
      return `Revoked API token ${quote(c.data.name)} of ${c.data.owner.name}`;
    case "settings.changed":
      return `Changed settings: ${c.data.changes.map((x) => x.field).join(", ")}`;
    case "export.created":
      return `Exported ${c.data.format}${c.data.rows === null ? "" : ` (${c.data.rows} rows)`}`;
    case "import.completed":
      return `Imported ${c.data.kind}: ${c.data.articles} articles, ${c.data.claims} claims, ${c.data.annotations} highlights`;
    case "webhook.changed":
      return c.data.action === "secret-rotated" ? `Rotated the signing secret of the webhook to ${c.data.url}` : `Webhook ${c.data.action}: ${c.data.url}`;
    case "webhook.resent":
      return `Re-sent a ${c.data.changeKind} delivery to ${c.data.url}`;
    case "glossary.changed": {
      const pair = `${quote(c.data.term)} = ${quote(c.data.english)} (${c.data.language})`;
      if (c.data.action === "created") return c.data.proposalId ? `Accepted the glossary proposal ${pair}` : `Added ${pair} to the glossary`;
      if (c.data.action === "edited") return `Edited the glossary pair ${c.data.from ? `${quote(c.data.from.term)} = ${quote(c.data.from.english)}` : ""} to ${pair}`;
      if (c.data.action === "deleted") return `Deleted ${pair} from the glossary`;
      return `Rejected the glossary proposal ${pair}`;
    }
    case "alias.changed":
      return `${c.data.action === "confirmed" ? "Confirmed" : c.data.action === "dismissed" ? "Dismissed" : "Deleted"} the alias ${c.data.names.join(" = ")}`;
  }
}
