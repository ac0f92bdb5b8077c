import { deepRichDoc, type Injected } from "./json-schema-arbitrary";
import { CURRENT_VERSION, UNIQUE, type GeneratedRequest } from "./fuzz-check";
import type { FuzzWorld } from "./fuzz-world";

/**
 * Test helper (not a test): one valid request per operation (real ids, the
 * current version), and the sweep that, from it, puts each adversarial value
 * at each place in turn (every path parameter, query parameter and body
 * node). Random requests rarely get past validation to the database; these
 * do, so every text field meets a NUL and every date field year 0 and 10000.
 */
export interface Baseline {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const articleDoc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/** Path parameters by name: the claim in review is c2 (unreviewed, with a relation), its mention, c1's source and comment. */
export function defaultParams(w: FuzzWorld): Record<string, string> {
  return {
    ws: w.workspace.slug,
    slug: w.workspace.slug,
    articleId: w.first.id,
    claimId: w.c2.id,
    annotationId: w.c2.mentions[0].annotationId,
    sourceId: w.c1.sources[0]?.id ?? "",
    relationId: w.ids.relationId[0] ?? "",
    commentId: w.ids.commentId[0],
    memberId: w.ids.memberId.at(-1)!,
    inviteId: w.ids.inviteId[0],
    token: w.ids.token[0],
    tokenId: w.ids.tokenId[0],
    webhookId: w.ids.webhookId[0],
    deliveryId: w.ids.deliveryId[0],
    notificationId: w.ids.notificationId[0],
    pairId: w.ids.pairId[0],
    proposalId: w.ids.proposalId[0],
    aliasId: w.ids.aliasId[0],
  };
}

const metadata = { title: "Bridge to close", publisher: "Daily", author: "A. Writer", url: "https://example.org/a", publishedAt: "2024-05-01", language: "en", tags: ["transport"] };
const v = CURRENT_VERSION;

/** v1 operations by operationId. */
export function v1Baselines(w: FuzzWorld): Record<string, Baseline> {
  const list = { query: { limit: "2" } };
  return {
    listArticles: { query: { q: "Article", tag: "transport", limit: "2" } },
    createArticle: { body: { format: "markdown", content: `# Bridge ${UNIQUE}\n\nThe bridge carries 40,000 vehicles.`, ...metadata } },
    getArticle: { query: { revision: "1" } },
    updateArticle: { body: { version: v, ...metadata, doc: articleDoc("The bridge carries about 40,000 vehicles a day.") } },
    listClaims: { query: { reviewState: "unreviewed", verdict: "none", tag: "economy", claimant: "Traders", q: "third", sort: "statement", hasSources: "false", limit: "2" } },
    createClaim: { body: { annotationId: w.free.id, statement: "Unemployment fell to 4.1 percent", claimant: "The minister", claimDate: "2024-05-01", tags: ["economy"] } },
    suggestClaimsByBody: { body: { text: "about 40,000 vehicles", language: "en", limit: 5, exclude: [w.c1.id] } },
    markAsClaim: {
      body: { annotationId: w.free.id, statement: "Unemployment fell", claimant: "The minister", claimDate: "2024-05-01", tags: ["economy"], feedback: { queryText: "Unemployment", items: [{ claimId: w.c1.id, rank: 1, score: 0.5, accepted: false }] } },
    },
    updateClaim: { body: { version: v, statement: "A third of customers", claimant: "Traders", claimDate: "2024-05-01T12:00:00Z", tags: ["economy"], assigneeId: w.annotator.id } },
    deleteClaim: { params: { claimId: w.c3.id }, body: { version: v } },
    restoreClaim: { params: { claimId: w.c3.id } },
    reviewClaim: { body: { action: "send-back", version: v, note: "Needs a source." } },
    setVerdict: { body: { verdict: "false", explanation: doc("Counts show 31,000."), note: "Checked", version: v } },
    mergeClaims: { body: { from: w.c3.id, version: v } },
    listAnnotations: { query: { status: "exact", hasClaim: "true", limit: "2" } },
    // Words no highlight of the world covers yet: the same words twice are a 409 (no duplicate highlights).
    createAnnotation: { body: { exact: "the council leader said on Monday", prefix: "vehicles a day, ", suffix: ".", note: "Check", revision: 1 } },
    getAnnotation: {},
    deleteAnnotation: { params: { annotationId: w.free.id } },
    restoreAnnotation: { params: { annotationId: w.gone.id } },
    listMentions: list,
    attachMention: { body: { annotationId: w.free.id, version: v } },
    detachMention: { body: { version: v } },
    listSources: { params: { claimId: w.c1.id }, query: { stance: "refutes", limit: "2" } },
    addSource: { body: { version: v, url: "https://example.org/count", title: "Traffic count", publisher: "Council", publishedAt: "2024-01-01", accessedAt: "2024-05-01", kind: "dataset", stance: "refutes", note: "Table 3" } },
    getSource: { params: { claimId: w.c1.id } },
    editSource: { params: { claimId: w.c1.id }, body: { version: v, url: "https://example.org/count-2024", title: "Traffic count 2024", publisher: "Council", publishedAt: "2024-01-01", accessedAt: "2024-05-02", kind: "dataset", stance: "context", note: "Table 4" } },
    removeSource: { params: { claimId: w.c1.id }, body: { version: v } },
    listRelations: { query: { direction: "outgoing", limit: "2" } },
    addRelation: { body: { version: v, toId: w.c1.id, type: "contradicts", note: "Same figure" } },
    removeRelation: { body: { version: v } },
    listEvents: { query: { claimId: w.c2.id, kind: "created", since: "2020-01-01T00:00:00Z", limit: "2" } },
    exportWorkspace: { query: { format: "csv", articles: w.first.id, reviewState: "unreviewed", verdict: "none", tag: "economy", claimant: "Traders", dateField: "createdAt", from: "2020-01-01", to: "2030-01-01", withVerdict: "false" } },
    listWebhooks: {},
    createWebhook: { body: { url: "https://hooks.example.org/claimtrail", kinds: ["claim.verdict", "member.joined"], enabled: true } },
    updateWebhook: { body: { url: "https://hooks.example.org/claimtrail-2", kinds: ["claim.created"], enabled: true } },
    deleteWebhook: { params: { webhookId: w.ids.webhookId[1] } },
    rotateWebhookSecret: {},
    listWebhookDeliveries: list,
    resendWebhookDelivery: {},
    listGlossary: { query: { q: "санк" } },
    createGlossaryPair: { body: { language: "ru", term: `рост ${UNIQUE}`, english: "growth" } },
    updateWorkspace: { body: { name: "Renamed", verdictLabels: { en: { false: "Wrong" }, ru: { false: "Фейк" } }, requireSecondApprover: false } },
    updateGlossaryPair: { body: { language: "ru", term: "санкции", english: "sanctions" } },
    deleteGlossaryPair: { params: { pairId: w.ids.pairId[1] } },
    listGlossaryProposals: {},
    acceptGlossaryProposal: { params: { proposalId: w.ids.proposalId[0] } },
    rejectGlossaryProposal: { params: { proposalId: w.ids.proposalId[1] } },
    listAliases: {},
    confirmAlias: { body: { names: [`Maria Zakharova ${UNIQUE}`, `Мария Захарова ${UNIQUE}`], status: "confirmed" } },
    deleteAlias: { params: { aliasId: w.ids.aliasId[1] } },
    listAuditLog: { query: { person: w.admin.id, kind: "webhook", from: "2020-01-01", to: "2030-01-01", limit: "2", cursor: "1000" } },
    exportAuditLog: { query: { format: "csv", person: w.admin.id, kind: "webhook.changed", from: "2020-01-01", to: "2030-01-01" } },
    listNotifications: { query: { limit: "1", unread: "true" } },
    countUnreadNotifications: {},
    markNotificationRead: {},
    markAllNotificationsRead: {},
  };
}

/** Cookie routes by "METHOD /path". */
export function cookieBaselines(w: FuzzWorld): Record<string, Baseline> {
  const v1 = v1Baselines(w);
  const claimPart = "/api/w/[slug]/claims/[claimId]";
  return {
    "POST /api/signup": { body: { name: "New Person", email: "new.person@example.test", password: "correct horse battery staple" } },
    "POST /api/tokens": { body: { name: "script", workspace: w.workspace.slug } },
    "POST /api/workspaces": { body: { name: "Newsroom" } },
    "POST /api/w/[slug]/articles": v1.createArticle,
    "PUT /api/w/[slug]/articles/[articleId]": { body: { baseRevision: 1, doc: articleDoc("The bridge carries about 40,000 vehicles a day."), metadata } },
    "GET /api/w/[slug]/articles/[articleId]/annotations": { query: { since: "1" } },
    "POST /api/w/[slug]/articles/[articleId]/annotations": { body: { start: 4, end: 10, revision: 1 } },
    "DELETE /api/w/[slug]/articles/[articleId]/annotations/[annotationId]": { params: { annotationId: w.free.id } },
    "POST /api/w/[slug]/articles/[articleId]/annotations/[annotationId]/restore": { params: { annotationId: w.gone.id } },
    "GET /api/w/[slug]/claims": v1.listClaims,
    "POST /api/w/[slug]/claims": v1.createClaim,
    "POST /api/w/[slug]/articles/[articleId]/mark-as-claim": v1.markAsClaim,
    "POST /api/w/[slug]/claims/bulk": { body: { action: "assign", claimIds: [w.c2.id, w.c3.id], assigneeId: w.annotator.id } },
    "GET /api/w/[slug]/claims/suggestions": { query: { text: "about 40,000 vehicles", limit: "5", exclude: w.c1.id } },
    "POST /api/w/[slug]/claims/suggestions": { body: { text: "about 40,000 vehicles", limit: 5, exclude: [w.c1.id] } },
    "POST /api/w/[slug]/claims/suggestions/feedback": { body: { annotationId: w.free.id, queryText: "vehicles", items: [{ claimId: w.c1.id, rank: 1, score: 0.5, accepted: true }] } },
    [`PATCH ${claimPart}`]: v1.updateClaim,
    [`DELETE ${claimPart}`]: v1.deleteClaim,
    [`POST ${claimPart}/comments`]: { body: { body: doc("Looks right.") } },
    [`PATCH ${claimPart}/comments/[commentId]`]: { params: { claimId: w.c1.id }, body: { body: doc("Edited.") } },
    [`DELETE ${claimPart}/comments/[commentId]`]: { params: { claimId: w.c1.id } },
    [`POST ${claimPart}/mentions`]: v1.attachMention,
    [`DELETE ${claimPart}/mentions/[annotationId]`]: v1.detachMention,
    [`POST ${claimPart}/merge`]: v1.mergeClaims,
    [`POST ${claimPart}/relations`]: v1.addRelation,
    [`DELETE ${claimPart}/relations/[relationId]`]: v1.removeRelation,
    [`POST ${claimPart}/restore`]: v1.restoreClaim,
    [`POST ${claimPart}/review`]: v1.reviewClaim,
    [`POST ${claimPart}/sources`]: v1.addSource,
    [`PATCH ${claimPart}/sources/[sourceId]`]: v1.editSource,
    [`DELETE ${claimPart}/sources/[sourceId]`]: v1.removeSource,
    [`PUT ${claimPart}/verdict`]: v1.setVerdict,
    "GET /api/w/[slug]/export/count": { query: { ...v1.exportWorkspace.query, format: "" } },
    "GET /api/w/[slug]/export": v1.exportWorkspace,
    "POST /api/w/[slug]/import-bundle": { query: { dryRun: "true" }, body: { format: "claimtrail-bundle", version: 1 } },
    "POST /api/w/[slug]/invites": { body: { role: "viewer" } },
    "PATCH /api/w/[slug]/members/[memberId]": { body: { role: "annotator" } },
    "PATCH /api/w/[slug]/settings": v1.updateWorkspace,
    "POST /api/w/[slug]/webhooks": v1.createWebhook,
    "PATCH /api/w/[slug]/webhooks/[webhookId]": v1.updateWebhook,
    "DELETE /api/w/[slug]/webhooks/[webhookId]": v1.deleteWebhook,
    "PUT /api/w/[slug]/webhook-allow-hosts": { body: { hosts: ["127.0.0.1:8080", "hooks.internal"] } },
    "GET /api/w/[slug]/audit/export": { query: { ...v1.exportAuditLog.query } },
    "POST /api/w/[slug]/glossary": v1.createGlossaryPair,
    "PATCH /api/w/[slug]/glossary/[pairId]": v1.updateGlossaryPair,
    "DELETE /api/w/[slug]/glossary/[pairId]": v1.deleteGlossaryPair,
    "POST /api/w/[slug]/glossary-proposals/[proposalId]/accept": v1.acceptGlossaryProposal,
    "POST /api/w/[slug]/glossary-proposals/[proposalId]/reject": v1.rejectGlossaryProposal,
    "POST /api/w/[slug]/aliases": v1.confirmAlias,
    "DELETE /api/w/[slug]/aliases/[aliasId]": v1.deleteAlias,
  };
}

const STRING_VALUES: [string, unknown][] = [
  ["nul", "a\u0000b"],
  ["lone-surrogate", "a\uD800b"],
];
const NUMBER_VALUES: [string, unknown][] = [["huge-number", 99999999999]];
const DATE_VALUES: [string, string][] = [
  ["date-year-0", "0000-01-01"],
  ["date-negative-year", "-000001-01-01"],
  ["date-year-10000", "10000-01-01"],
  ["date-impossible", "2024-02-30"],
];
// A query string can't carry a lone surrogate (URLs are UTF-8), so only NUL and numbers here.
const QUERY_VALUES: [string, string][] = [
  ["nul", "a\u0000b"],
  ["huge-number", "99999999999"],
];
const BODIES: [string, string][] = [
  ["empty-body", ""],
  ["non-json-body", "not json"],
  ["deep-json-body", "[".repeat(100_000) + "]".repeat(100_000)],
];

function looksLikeDate(name: string, value: unknown): boolean {
  return /date|At$|^since$|^from$|^to$/i.test(name) || (typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value));
}

/** Each adversarial request one change away from the baseline. */
export function sweep(base: Required<Pick<GeneratedRequest, "params" | "query">> & { body?: unknown }): GeneratedRequest[] {
  const out: GeneratedRequest[] = [];
  const make = (change: (r: { params: Record<string, string>; query: Record<string, string>; body: unknown }) => void, injected: Injected, raw?: string) => {
    const r = structuredClone({ params: base.params, query: base.query, body: base.body });
    change(r);
    out.push({ params: r.params, query: r.query, body: raw ?? (r.body === undefined ? undefined : JSON.stringify(r.body)), headers: {}, injected: [injected] });
  };
  for (const name of Object.keys(base.params)) {
    // (A lone surrogate can't reach a path parameter: URLs are UTF-8.)
    for (const [kind, value] of [["nul", "a\u0000b"], ["long-string", "c".repeat(5000)]] as [string, string][]) make((r) => (r.params[name] = value), { path: `path.${name}`, kind });
  }
  for (const name of Object.keys(base.query)) {
    const values = looksLikeDate(name, base.query[name]) ? [...QUERY_VALUES, ...DATE_VALUES] : QUERY_VALUES;
    for (const [kind, value] of values) make((r) => (r.query[name] = value), { path: `query.${name}`, kind });
  }
  if (base.body !== undefined) {
    const walk = (node: unknown, keys: string[]) => {
      const at = ["body", ...keys].join(".");
      const set = (value: unknown) => (r: { body: unknown }) => {
        if (!keys.length) r.body = value;
        else {
          let n = r.body as Record<string, unknown>;
          for (const k of keys.slice(0, -1)) n = n[k] as Record<string, unknown>;
          n[keys.at(-1)!] = value;
        }
      };
      const name = keys.at(-1) ?? "";
      if (typeof node === "string") {
        for (const [kind, value] of looksLikeDate(name, node) ? [...STRING_VALUES, ...DATE_VALUES] : STRING_VALUES) make(set(value), { path: at, kind });
      } else if (typeof node === "number") {
        for (const [kind, value] of NUMBER_VALUES) make(set(value), { path: at, kind });
      } else if (node && typeof node === "object") {
        if ((node as { type?: unknown }).type === "doc") make(set(deepRichDoc(1000)), { path: at, kind: "deep-rich-text" });
        for (const [k, v] of Object.entries(node)) walk(v, [...keys, k]);
      }
    };
    walk(base.body, []);
    for (const [kind, raw] of BODIES) make(() => undefined, { path: "body", kind }, raw);
  }
  return out;
}
