import { createTextPositionSelectorMatcher, createTextQuoteSelectorMatcher } from "@apache-annotator/dom";
import { parse as parseCsv } from "csv-parse/sync";
import { csvParse } from "d3-dsv";
import { JSDOM } from "jsdom";
import jsonld from "jsonld";
import Papa from "papaparse";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { createArticle } from "@/lib/articles/create-article";
import { docFromParagraphs } from "@/lib/articles/document";
import { updateArticle } from "@/lib/articles/update-article";
import { approveClaim, updateClaim } from "@/lib/claims";
import { claimWorld } from "@/lib/claims/test-world";
import { db } from "@/lib/db/client";
import { updateWorkspaceSettings, workspaceSettingsSchema } from "@/lib/workspaces/update-settings";
import * as exportRoute from "@/app/api/w/[slug]/export/route";
import * as settingsRoute from "@/app/api/w/[slug]/settings/route";
import { claimReviewUrlTemplateSchema } from "./claimreview-url";
import { CSV_BOM, neutralise } from "./formats/csv";
import { claimantIsOrganisation } from "./formats/claimant";
import { exportToString } from "./index";
import { offlineDocumentLoader } from "./jsonld-loader";
import { schemaOrgVocab } from "./schema-org-vocab";

/**
 * Exports read by independent parsers, with the values that broke them:
 * bare CR, LF and CRLF inside values, quotes, formulas at the start of a line
 * inside a value, tabs, emoji and other astral characters, combining marks,
 * Cyrillic and right-to-left text.
 */
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
afterEach(() => {
  session.user = null;
  delete process.env.CLAIMREVIEW_URL_TEMPLATE;
});

const TITLE = 'Bridge "closure"\r\n=SUM(A1:A9)\rMore\nlines 😀';
const PARAGRAPHS = [
  "Intro 😀👍🏽 with e\u0301 and שלום עולם and مرحبا and 𝒳𝒴.",
  "The bridge carries about 40,000 vehicles a day, said 🚗🚕 the mayor.",
  "Безработица 😀 снизилась до 4,1 процента, заявил министр.",
];
const STATEMENTS = [
  'First line\n=HYPERLINK("http://evil.example","click")',
  "Bare CR\r+cmd|' /C calc'!A0",
  "CRLF\r\n-2+3 and\r\n@SUM(1)",
  '"Quoted", with\ttab, e\u0301 😀 שלום and Безработица',
  "=1+1 at the very start",
];
const CLAIMANTS = ["City Council", "Mayor\r\n=cmd", "@handle\nsecond", "\tTabbed", "WHO"];

type World = Awaited<ReturnType<typeof world>>;
let w: World;

async function world() {
  const w = await claimWorld();
  const annotatorAccess = await w.as(w.annotator);
  const created = await createArticle({
    workspaceId: w.workspace.id,
    actorId: w.admin.id,
    doc: docFromParagraphs(PARAGRAPHS),
    metadata: { title: TITLE, tags: [], url: "https://news.example/emoji", publishedAt: new Date("2024-03-01"), language: "en" },
  });
  const article = await db.article.findUniqueOrThrow({ where: { id: created.article.id }, select: { id: true, text: true, title: true } });
  const spans = ["שלום עולם", "about 40,000 vehicles a day", "Безработица 😀 снизилась", "𝒳𝒴", "the mayor"];
  const claims = [];
  for (let i = 0; i < spans.length; i++) {
    let c = await w.claim(spans[i], { on: article, claimant: CLAIMANTS[i] });
    c = await updateClaim(annotatorAccess, c.id, { version: c.version, statement: STATEMENTS[i] });
    claims.push(c);
  }
  // The first claim approved with a verdict, no claim date: a ClaimReview whose claimant is an organisation.
  let approved = await w.readyForApproval(claims[0]);
  approved = await approveClaim(await w.as(w.reviewer), approved.id, { version: approved.version });
  // An edit inside a highlight: it is re-anchored (fuzzy), so its stored quote is no longer the text there.
  const edited = PARAGRAPHS.map((p) => p.replace("about 40,000 vehicles", "about 41,000 vehicles"));
  await updateArticle(await w.as(w.admin), article.id, {
    baseRevision: 1,
    doc: docFromParagraphs(edited),
    metadata: { title: TITLE, publisher: null, author: null, url: "https://news.example/emoji", publishedAt: new Date("2024-03-01"), language: "en", tags: [] },
  });
  const current = await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { id: true, text: true, title: true } });
  return { ...w, article: current, claims, approved };
}

beforeAll(async () => {
  w = await world();
});

const viewer = () => w.as(w.viewer);

describe("CSV read by three independent parsers", () => {
  it("gives every claim exactly one record holding its original values, formulas neutralised", async () => {
    const text = await exportToString(await viewer(), "csv");
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const body = text.slice(CSV_BOM.length);

    const papa = Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: true });
    expect(papa.errors).toEqual([]);
    const parsed: Record<string, Record<string, string>[]> = {
      "csv-parse": parseCsv(text, { bom: true, columns: true }),
      papaparse: papa.data,
      "d3-dsv": csvParse(body) as unknown as Record<string, string>[],
    };
    const rows = await db.claim.findMany({ where: { workspaceId: w.workspace.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(rows).toHaveLength(STATEMENTS.length);
    for (const [parser, records] of Object.entries(parsed)) {
      expect(records.map((r) => r["Claim ID"]), parser).toEqual(rows.map((r) => r.id));
      records.forEach((r, i) => {
        expect(r.Statement, `${parser} statement ${i}`).toBe(neutralise(STATEMENTS[i]));
        expect(r.Claimant, `${parser} claimant ${i}`).toBe(neutralise(CLAIMANTS[i]));
        expect(r.Articles, `${parser} articles ${i}`).toBe(TITLE);
      });
    }
    // No record starts with a formula: each line that begins one is inside a quoted value.
    const records = parsed["d3-dsv"];
    for (const r of records) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe("export filters are checked before the first byte", () => {
  type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
  const get = (query: string) => (exportRoute.GET as Handler)(new Request(`http://localhost/api/w/${w.workspace.slug}/export${query}`), { params: Promise.resolve({ slug: w.workspace.slug }) });

  it("refuses a NUL, year 0 or a list of only commas in a filter with 400 naming it, before the download starts", async () => {
    session.user = w.viewer;
    for (const [query, field] of [
      ["?format=csv&claimant=a%00b", "claimant"],
      ["?format=csv&tag=x%00", "tag"],
      ["?format=jsonl&articles=ab%00c", "articles"],
      ["?format=csv&from=0000-01-01", "from"],
      ["?format=csv&from=2024-02-30", "from"],
      // Only separators: ids that came out empty, not "every article".
      ["?format=csv&articles=,,,", "articles"],
      ["?format=csv&articles=%20,%20", "articles"],
      ["?format=csv&verdict=,", "verdict"],
      // Only spaces or control characters: refused as the claims list refuses them, not read as no filter (black-box, session 32).
      ["?format=csv&articles=%20", "articles"],
      ["?format=csv&claimant=%0D%0A", "claimant"],
      ["?format=csv&claimant=%20%20", "claimant"],
      ["?format=csv&claimant=%09", "claimant"],
      ["?format=csv&tag=%20", "tag"],
      ["?format=csv&tag=ok&tag=%0A", "tag"],
      ["?format=csv&withVerdict=%20", "withVerdict"],
    ] as const) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      const body = await res.json();
      expect(body.errors[field], query).toEqual(expect.any(String));
      // Coded alike, whichever check refused it (black-box s34, L4: `articles=,,,` had no fieldCodes).
      expect(["invalid_fields", "query_params_invalid"], query).toContain(body.code);
      expect(body.fieldCodes?.[field]?.code, query).toEqual(expect.any(String));
    }
  });

  it("takes an empty value as no filter, as a form sends an empty field", async () => {
    session.user = w.viewer;
    for (const query of ["?format=csv&articles=", "?format=csv&verdict=&articles=", "?format=csv&claimant=&tag=&withVerdict="]) {
      const res = await get(query);
      expect(res.status, query).toBe(200);
      expect(parseCsv(await res.text(), { bom: true, columns: true }), query).toHaveLength(STATEMENTS.length);
    }
  });

  it("reads the last possible day to the end", async () => {
    session.user = w.viewer;
    const res = await get("?format=csv&dateField=createdAt&from=2000-01-01&to=9999-12-31");
    expect(res.status).toBe(200);
    const rows = parseCsv(await res.text(), { bom: true, columns: true });
    expect(rows).toHaveLength(STATEMENTS.length);
  });
});

const OA = "http://www.w3.org/ns/oa#";
const CT = "https://claimtrail.org/ns#";
type Node = Record<string, unknown[]> & { "@id"?: string; "@type"?: string[] };

describe("W3C Web Annotation over text with emoji, re-anchored", () => {
  type Selector = { type: string; start?: number; end?: number; exact?: string; prefix?: string; suffix?: string };
  type Item = { id: string; creator?: { id: string; type: string; name: string }; "ct:article": string; "ct:anchorStatus": string; target: { selector: Selector[] }; body: Record<string, unknown>[] };

  it("positions count code points and quote the text at the current position", async () => {
    const doc = JSON.parse(await exportToString(await viewer(), "w3c"));
    const items: Item[] = doc.first.items;
    expect(items).toHaveLength(STATEMENTS.length);
    const text = w.article.text;
    const points = Array.from(text);
    const stored = await db.annotation.findMany({ where: { articleId: w.article.id, deletedAt: null } });
    let afterEmoji = 0;
    for (const item of items) {
      const position = item.target.selector.find((s) => s.type === "TextPositionSelector")!;
      const quote = item.target.selector.find((s) => s.type === "TextQuoteSelector")!;
      // Interpreted as the model says, in code points, the position holds exactly the quote.
      expect(points.slice(position.start, position.end).join("")).toBe(quote.exact);
      expect(points.slice(Math.max(0, position.start! - Array.from(quote.prefix!).length), position.start).join("")).toBe(quote.prefix);
      expect(points.slice(position.end, position.end! + Array.from(quote.suffix!).length).join("")).toBe(quote.suffix);
      const row = stored.find((a) => item.id === `urn:claimtrail:annotation:${a.id}`)!;
      // The quote is the text at the highlight's current position, whatever was first quoted.
      expect(quote.exact).toBe(text.slice(row.start!, row.end!));
      if (position.start !== row.start) afterEmoji += 1;
    }
    expect(afterEmoji).toBeGreaterThanOrEqual(3);
    const moved = stored.find((a) => a.status === "fuzzy")!;
    expect(moved.exact).toBe("about 40,000 vehicles a day");
    const movedItem = items.find((i) => i.id === `urn:claimtrail:annotation:${moved.id}`)!;
    expect(movedItem.target.selector.find((s) => s.type === "TextQuoteSelector")!.exact).toBe("about 41,000 vehicles a day");
    expect(movedItem["ct:anchorStatus"]).toBe("fuzzy");
  });

  it("are where Apache Annotator, an independent W3C selector implementation, finds them in the article's text", async () => {
    const doc = JSON.parse(await exportToString(await viewer(), "w3c"));
    const items: Item[] = doc.first.items;
    const escape = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    const { window } = new JSDOM(`<!doctype html><html><body><div style="white-space: pre-wrap">${escape(w.article.text)}</div></body></html>`);
    // The matchers read these DOM globals rather than the document's window.
    Object.assign(globalThis, { Node: window.Node, NodeFilter: window.NodeFilter, Range: window.Range });
    const scope = window.document.body;
    expect(scope.textContent).toBe(w.article.text);
    for (const item of items) {
      const position = item.target.selector.find((s) => s.type === "TextPositionSelector")!;
      const quote = item.target.selector.find((s) => s.type === "TextQuoteSelector")!;
      const byPosition = (await createTextPositionSelectorMatcher({ type: "TextPositionSelector", start: position.start!, end: position.end! })(scope).next()).value as Range;
      expect(byPosition.toString(), item.id).toBe(quote.exact);
      const byQuote: string[] = [];
      for await (const range of createTextQuoteSelectorMatcher({ type: "TextQuoteSelector", exact: quote.exact!, prefix: quote.prefix, suffix: quote.suffix })(scope)) byQuote.push(range.toString());
      expect(byQuote, item.id).toEqual([quote.exact]);
    }
  });

  it("names each annotation's creator, keeps per-mention fields on the annotation and links pages and articles as IRIs", async () => {
    const doc = JSON.parse(await exportToString(await viewer(), "w3c"));
    const items: Item[] = doc.first.items;
    for (const item of items) {
      expect(item.creator).toEqual({ id: `urn:claimtrail:user:${w.annotator.id}`, type: "Person", name: w.annotator.name });
      expect(item["ct:article"]).toBe(`urn:claimtrail:article:${w.article.id}`);
      const claim = item.body.find((b) => b.type === "ct:Claim")!;
      expect(Object.keys(claim).filter((k) => k === "ct:article" || k === "ct:anchorStatus")).toEqual([]);
    }
    const [collection] = (await jsonld.expand(doc, { documentLoader: offlineDocumentLoader as never })) as Node[];
    const expanded = ((collection["http://www.w3.org/ns/activitystreams#first"][0] as Node)["http://www.w3.org/ns/activitystreams#items"][0] as { "@list": Node[] })["@list"];
    for (const item of expanded) {
      expect(item[`${CT}article`]).toEqual([{ "@id": `urn:claimtrail:article:${w.article.id}` }]);
      expect((item[`${CT}anchorStatus`][0] as { "@value": string })["@value"]).toMatch(/^(exact|moved|fuzzy)$/);
      const creator = item["http://purl.org/dc/terms/creator"][0] as Node;
      expect(creator["@type"]).toEqual(["http://xmlns.com/foaf/0.1/Person"]);
      const claim = (item[`${OA}hasBody`] as Node[]).find((b) => b["@type"]?.[0] === `${CT}Claim`)!;
      expect(claim[`${CT}page`]).toEqual([{ "@id": expect.stringMatching(/^https?:\/\/.+\/claims\//) }]);
    }
  });
});

describe("schema.org ClaimReview", () => {
  const reviews = async () => JSON.parse(await exportToString(await viewer(), "claimreview")) as Record<string, unknown>[];
  const templateOf = (raw: string) => workspaceSettingsSchema.parse({ claimReviewUrlTemplate: raw }).claimReviewUrlTemplate;

  it("uses only types schema.org has, and only properties those types may carry", async () => {
    const vocab = schemaOrgVocab();
    const [review] = await reviews();
    let checked = 0;
    const walk = (node: unknown, where: string) => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}.${i}`));
      if (!node || typeof node !== "object") return;
      const record = node as Record<string, unknown>;
      if (typeof record["@type"] === "string") {
        const allowed = vocab.propertiesOf(record["@type"]);
        expect(allowed, `${where}: ${record["@type"]}`).toBeDefined();
        for (const key of Object.keys(record)) {
          if (key.startsWith("@") || key.startsWith(CT)) continue;
          expect(allowed!.has(key), `${where}: ${record["@type"]}.${key}`).toBe(true);
          checked += 1;
        }
      }
      for (const [key, value] of Object.entries(record)) walk(value, `${where}.${key}`);
    };
    walk(review, "review");
    expect(checked).toBeGreaterThan(15);
    const expanded = await jsonld.expand(review as object, { documentLoader: offlineDocumentLoader as never });
    expect(expanded).toHaveLength(1);
  });

  it("names the rating, takes an organisation as claimant and dates the claim by its first appearance when it has no date", async () => {
    const [review] = (await reviews()) as { reviewRating: Record<string, unknown>; itemReviewed: Record<string, unknown> }[];
    expect(review.reviewRating).toMatchObject({ "@type": "Rating", name: "Mostly false", alternateName: "Mostly false", ratingValue: 2 });
    expect(review.itemReviewed.author).toEqual({ "@type": "Organization", name: "City Council" });
    expect(review.itemReviewed.datePublished).toBe("2024-03-01");
    expect(review.itemReviewed.appearance).toEqual([{ "@type": "CreativeWork", url: "https://news.example/emoji", headline: TITLE, datePublished: "2024-03-01" }]);
  });

  it("points url at the publisher's public page from the workspace's template, else the instance's, else the claim's page", async () => {
    const admin = await w.as(w.admin);
    const appPage = `/w/${w.workspace.slug}/claims/${w.approved.id}`;
    expect(((await reviews())[0].url as string).endsWith(appPage)).toBe(true);

    process.env.CLAIMREVIEW_URL_TEMPLATE = "https://checks.example.net/{claimId}";
    expect((await reviews())[0].url).toBe(`https://checks.example.net/${w.approved.id}`);

    await updateWorkspaceSettings(admin, workspaceSettingsSchema.parse({ claimReviewUrlTemplate: "https://factcheck.example.org/{workspaceSlug}/claims/{claimId}?ref=ct" }));
    expect((await reviews())[0].url).toBe(`https://factcheck.example.org/${w.workspace.slug}/claims/${w.approved.id}?ref=ct`);

    await updateWorkspaceSettings(admin, workspaceSettingsSchema.parse({ claimReviewUrlTemplate: "" }));
    expect((await db.workspace.findUniqueOrThrow({ where: { id: w.workspace.id } })).claimReviewUrlTemplate).toBeNull();
    expect((await reviews())[0].url).toBe(`https://checks.example.net/${w.approved.id}`);

    process.env.CLAIMREVIEW_URL_TEMPLATE = "ftp://nope/{claimId}";
    await expect(reviews()).rejects.toThrow(/CLAIMREVIEW_URL_TEMPLATE/);
  });

  it("is set by admins in the workspace settings; a bad one is refused naming the field, nothing saved", async () => {
    type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
    const patch = (body: object) =>
      (settingsRoute.PATCH as Handler)(
        new Request(`http://localhost/api/w/${w.workspace.slug}/settings`, { method: "PATCH", headers: { "content-type": "application/json", origin: "http://localhost" }, body: JSON.stringify(body) }),
        { params: Promise.resolve({ slug: w.workspace.slug }) },
      );
    session.user = w.admin;
    const bad = await patch({ claimReviewUrlTemplate: "javascript:alert(1)//{claimId}" });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
    expect((await bad.json()).errors.claimReviewUrlTemplate).toMatch(/http/);
    expect((await db.workspace.findUniqueOrThrow({ where: { id: w.workspace.id } })).claimReviewUrlTemplate).toBeNull();
    const good = await patch({ claimReviewUrlTemplate: "https://factcheck.example.org/claims/{claimId}" });
    expect(good.status).toBe(200);
    expect((await db.workspace.findUniqueOrThrow({ where: { id: w.workspace.id } })).claimReviewUrlTemplate).toBe("https://factcheck.example.org/claims/{claimId}");
    session.user = w.reviewer;
    expect((await patch({ claimReviewUrlTemplate: "" })).status).toBe(403);
    session.user = w.admin;
    expect((await patch({ claimReviewUrlTemplate: null })).status).toBe(200);
  });

  it("refuses templates that aren't an absolute http(s) address with {claimId}", () => {
    expect(templateOf("  ")).toBeNull();
    expect(templateOf("https://factcheck.example.org/claims/{claimId}")).toBe("https://factcheck.example.org/claims/{claimId}");
    for (const bad of ["javascript:alert(1)//{claimId}", "https://factcheck.example.org/claims", "https://x.example/{id}", "/claims/{claimId}", "https://x.example/{claimId}}", "https://x.example/a b/{claimId}", `https://x.example/${"a".repeat(2000)}/{claimId}`]) {
      const parsed = claimReviewUrlTemplateSchema.safeParse(bad);
      expect(parsed.success, bad).toBe(false);
      const viaSettings = workspaceSettingsSchema.safeParse({ claimReviewUrlTemplate: bad });
      expect(viaSettings.error?.issues[0].path, bad).toEqual(["claimReviewUrlTemplate"]);
    }
  });
});

describe("claimant as organisation or person", () => {
  it("takes bodies as organisations and people, roles in a body included, as persons", () => {
    for (const org of ["City Council", "WHO", "Ministry of Health", "Acme Ltd.", "The Daily News", "Department for Transport", "Labour Party"]) expect(claimantIsOrganisation(org), org).toBe(true);
    for (const person of ["Council leader", "Jane Doe", "The mayor", "Mayor\r\n=cmd", "@leader", "Безработица", "Who", "Health minister"]) expect(claimantIsOrganisation(person), person).toBe(false);
  });
});
