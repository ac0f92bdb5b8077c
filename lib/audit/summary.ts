import { createTranslator } from "next-intl";
import type { Change } from "@/lib/changes/kinds";
import type { CatalogueTranslate } from "@/lib/i18n/translator";
import enAudit from "@/messages/en/audit.json";
import enClaims from "@/messages/en/claims.json";
import enCommon from "@/messages/en/common.json";
import { clipText, TITLE_CLIP } from "@/lib/format/clip";

/**
 * A translator over the whole catalogue (keys such as `audit.summary.merged`, `common.roles.admin`):
 * `await getTranslations()` on a page. Without one the summary is in English, as the REST API and
 * the audit export give it (their readers are scripts and archives, not a person's UI).
 */
export type AuditWords = CatalogueTranslate;

const english = createTranslator({ locale: "en", messages: { audit: enAudit, claims: enClaims, common: enCommon } }) as unknown as AuditWords;

const clip = (s: string, max = TITLE_CLIP) => clipText(s, max);
const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * One line a person reads in the audit log for a change, in the translator's language. Written from
 * the change's own data at read time, so it reads in whoever's language looks at it; names, titles,
 * quotes, URLs and file formats stay as recorded.
 */
export function summarizeChange(c: Change, tr: AuditWords = english): string {
  const t = (key: string, values?: Parameters<CatalogueTranslate>[1]) => tr(`audit.summary.${key}`, values);
  // A stored value shown by its catalogue name when there is one, else as stored (a value of a newer version, a custom role).
  const word = (prefix: string, value: string | null | undefined, key = value ?? "") => {
    if (!value) return t("none");
    const path = `${prefix}.${key}`;
    return tr.has(path) ? tr(path) : value;
  };
  const role = (r: string) => word("common.roles", r);
  const state = (s: string) => word("common.reviewStates", s);
  const verdict = (v: string | null) => word("common.verdicts", v);
  const field = (f: string) => word("claims.history.field", f);
  const relation = (r: string) => word("claims.history.relationType", r, camel(r));
  // Values recorded as codes (a settings field, how an article came in, a tool's id) by their names in the reader's language.
  const value = (group: string, v: string) => word(`audit.summary.values.${group}`, v);
  switch (c.kind) {
    case "claim.created":
      return t("claimCreated", { statement: clip(c.data.statement) });
    case "claim.edited":
      return t("claimEdited", { field: field(c.data.field) });
    case "claim.mention-added":
      return t("mentionAdded", { exact: clip(c.data.exact) });
    case "claim.mention-removed":
      return t("mentionRemoved", { exact: clip(c.data.exact) });
    case "claim.review-state":
      return t("reviewState", { from: state(c.data.from), to: state(c.data.to) });
    case "claim.verdict":
      return t("verdict", { from: verdict(c.data.from), to: verdict(c.data.to) });
    case "claim.source-added":
      return t("sourceAdded", { title: clip(c.data.title) });
    case "claim.source-removed":
      return t("sourceRemoved", { title: clip(c.data.title) });
    case "claim.source-edited":
      return t("sourceEdited", { title: clip(c.data.title) });
    case "claim.relation-added":
      return t("relationAdded", { type: relation(c.data.type), statement: clip(c.data.otherStatement) });
    case "claim.relation-removed":
      return t("relationRemoved", { type: relation(c.data.type), statement: clip(c.data.otherStatement) });
    case "claim.merged":
      return t("merged", { statement: clip(c.data.fromStatement) });
    case "claim.deleted":
      return t("claimDeleted");
    case "claim.restored":
      return t("claimRestored");
    case "comment.created":
      return t("commented");
    case "comment.edited":
      return t("commentEdited");
    case "comment.deleted":
      return t("commentDeleted");
    case "article.created":
      return t("articleCreated", { title: clip(c.data.title), via: value("via", c.data.via) });
    case "article.edited":
      return t("articleEdited", { title: clip(c.data.title), revision: c.data.revision });
    case "article.deleted":
      return t("articleDeleted", { title: clip(c.data.title) });
    case "annotation.created":
      return t("annotationCreated", { exact: clip(c.data.exact) });
    case "annotation.deleted":
      return t("annotationDeleted", { exact: clip(c.data.exact) });
    case "annotation.restored":
      return t("annotationRestored", { exact: clip(c.data.exact) });
    case "annotation.reanchored":
      return t("reanchored", { count: c.data.count, orphaned: c.data.orphaned });
    case "member.joined":
      return t("memberJoined", { name: c.data.user.name, role: role(c.data.role) });
    case "member.role-changed":
      return t("roleChanged", { name: c.data.user.name, from: role(c.data.from), to: role(c.data.to) });
    case "member.removed":
      return t("memberRemoved", { name: c.data.user.name, role: role(c.data.role) });
    case "invite.created":
      return t("inviteCreated", { role: role(c.data.role) });
    case "invite.accepted":
      return t("inviteAccepted", { name: c.data.user.name, role: role(c.data.role) });
    case "invite.revoked":
      return t("inviteRevoked", { role: role(c.data.role) });
    case "token.created":
      return t("tokenCreated", { owner: c.data.owner.name, name: clip(c.data.name) });
    case "token.revoked":
      return t("tokenRevoked", { owner: c.data.owner.name, name: clip(c.data.name) });
    case "settings.changed":
      return t("settingsChanged", { fields: c.data.changes.map((x) => value("settingsFields", x.field)).join(", ") });
    case "export.created":
      return c.data.rows === null ? t("exported", { format: c.data.format }) : t("exportedRows", { format: c.data.format, rows: c.data.rows });
    case "import.completed":
      return t("imported", { kind: value("importKinds", c.data.kind), articles: c.data.articles, claims: c.data.claims, annotations: c.data.annotations });
    case "webhook.changed":
      return c.data.action === "secret-rotated" ? t("webhookSecretRotated", { url: c.data.url }) : t("webhookChanged", { action: value("webhookActions", c.data.action), url: c.data.url });
    case "webhook.resent":
      return t("webhookResent", { changeKind: word("audit.kinds", c.data.changeKind), url: c.data.url });
    case "glossary.changed": {
      const pair = { term: clip(c.data.term), english: clip(c.data.english), language: value("languages", c.data.language) };
      if (c.data.action === "created") return t(c.data.proposalId ? "glossaryAccepted" : "glossaryAdded", pair);
      if (c.data.action === "edited") return c.data.from ? t("glossaryEdited", { ...pair, fromTerm: clip(c.data.from.term), fromEnglish: clip(c.data.from.english) }) : t("glossaryEditedPlain", pair);
      if (c.data.action === "deleted") return t("glossaryDeleted", pair);
      return t("glossaryRejected", pair);
    }
    case "alias.changed": {
      const names = c.data.names.join(" = ");
      return t(c.data.action === "confirmed" ? "aliasConfirmed" : c.data.action === "dismissed" ? "aliasDismissed" : "aliasDeleted", { names });
    }
  }
}
