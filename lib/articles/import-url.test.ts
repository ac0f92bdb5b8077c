import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorize } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { makeMember, makeWorkspace } from "@/lib/testing/fixtures";
import { makePdf } from "@/lib/testing/office-files";
import { BARE_PAGE, JSON_LD_PAGE, OPENGRAPH_PAGE, PAYWALL_PAGE, STORY_FIRST_SENTENCE } from "@/lib/testing/news-pages";
import { startPageServer, type PageServer } from "@/lib/testing/page-server";
import { importUrl, urlImportSchema } from "./import-url";
import { previewUrlImport, urlPreviewRequestSchema } from "./preview-url-import";

let site: PageServer;
let elsewhere: PageServer;
const saved = process.env.IMPORT_ALLOW_HOSTS;

beforeAll(async () => {
  elsewhere = await startPageServer({ "/private": { body: JSON_LD_PAGE } });
  site = await startPageServer({
    "/news": { body: JSON_LD_PAGE },
    "/og": { body: OPENGRAPH_PAGE },
    "/bare": { body: BARE_PAGE },
    "/paywall": { body: PAYWALL_PAGE },
    "/moved": { status: 301, headers: { location: "/og" } },
    "/to-private": (_req, res) => res.writeHead(302, { location: `${elsewhere.origin}/private` }).end(),
    "/pdf": { type: "application/pdf", body: "%PDF-1.7" },
    // A broken template left NULs and other control characters in the page: the article is still read.
    "/nul": { body: JSON_LD_PAGE.replace("<body>", "<body>\u0000\u0001").replaceAll("</p>", "\u0000</p>") },
    "/binary": { type: "text/html", body: Buffer.from("\u0000\u0001\u0002\u0003 binary \u0000\u0000".repeat(200)) },
    // A real PDF labelled as HTML: no HTML parser makes a document of it (a black-box tester's 500).
    "/pdf-as-html": { type: "text/html", body: Buffer.from(await makePdf([{ lines: ["A page of a report that is long enough to be read as text by anyone."] }])) },
  });
  // Only the first server is allowed, as an admin would allow an intranet host.
  process.env.IMPORT_ALLOW_HOSTS = `example.invalid, ${site.host}`;
});

afterAll(async () => {
  process.env.IMPORT_ALLOW_HOSTS = saved;
  await site.close();
  await elsewhere.close();
});

async function setup() {
  const { workspace, admin } = await makeWorkspace();
  return { workspace, admin, access: await authorize(admin.id, workspace.slug, "article.create") };
}

const parse = (input: unknown) => urlImportSchema.parse(input);

describe("previewUrlImport", () => {
  it("reads each address for review, one result per address in order, storing nothing", async () => {
    const { workspace, access } = await setup();
    const urls = urlPreviewRequestSchema.parse({ urls: [`${site.origin}/news`, "", `${site.origin}/moved`, `${site.origin}/missing`, `${site.origin}/pdf`, `${site.origin}/pdf-as-html`, `${site.origin}/paywall`, `${site.origin}/to-private`, "ftp://x"] }).urls;
    const results = await previewUrlImport(access, urls);
    expect(results.map((r) => [r.status, r.status === "error" ? r.kind : r.metadata.title])).toEqual([
      ["ok", "Harbour bridge to close for 18 months"],
      ["ok", "Ferries to replace the bridge"],
      ["error", "not-found"],
      ["error", "not-html"],
      ["error", "not-html"],
      ["error", "empty"],
      ["error", "refused-address"],
      ["error", "invalid-url"],
    ]);
    expect(results[0]).toMatchObject({
      url: `${site.origin}/news`,
      finalUrl: `${site.origin}/news`,
      metadata: { publisher: "The Harbour Times", author: "Ana Ruiz, Tom Berg", publishedAt: "2026-03-03", modifiedAt: "2026-03-04", language: "en-GB", canonicalUrl: "https://harbour.example/news/bridge-to-close" },
      excerpt: expect.stringContaining(STORY_FIRST_SENTENCE),
      duplicate: null,
    });
    expect(results[1]).toMatchObject({ finalUrl: `${site.origin}/og` });
    expect(elsewhere.hits.size).toBe(0);
    expect(await db.article.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("refuses more than 20 addresses and lists without any", () => {
    expect(urlPreviewRequestSchema.safeParse({ urls: Array.from({ length: 21 }, (_, i) => `https://x.example/${i}`) }).success).toBe(false);
    expect(urlPreviewRequestSchema.safeParse({ urls: [" ", ""] }).success).toBe(false);
  });
});

describe("importUrl", () => {
  it("stores the page's article with its metadata and where it came from, then knows it again", async () => {
    const { workspace, access, admin } = await setup();
    const result = await importUrl(access, parse({ url: `${site.origin}/news` }));
    expect(result).toMatchObject({ status: "created", article: { title: "Harbour bridge to close for 18 months" } });
    const row = await db.article.findUniqueOrThrow({ where: { id: result.article.id }, include: { revisions: true } });
    expect(row).toMatchObject({
      workspaceId: workspace.id,
      createdById: admin.id,
      publisher: "The Harbour Times",
      author: "Ana Ruiz, Tom Berg",
      url: "https://harbour.example/news/bridge-to-close",
      canonicalUrl: "https://harbour.example/news/bridge-to-close",
      originalUrl: `${site.origin}/news`,
      publishedAt: new Date("2026-03-03T00:00:00Z"),
      modifiedAt: new Date("2026-03-04T00:00:00Z"),
      language: "en-GB",
    });
    expect(row.text).not.toMatch(/^Harbour bridge to close/);
    expect(row.text.slice(0, 200)).toContain(STORY_FIRST_SENTENCE);
    expect(row.text).not.toMatch(/Most read|track\(\)|Home/);
    expect(row.revisions).toHaveLength(1);

    const [again] = await previewUrlImport(access, [`${site.origin}/news`]);
    expect(again).toMatchObject({ status: "ok", duplicate: { id: row.id } });
    expect(await importUrl(access, parse({ url: `${site.origin}/news` }))).toMatchObject({ status: "duplicate", article: { id: row.id } });
  });

  it("recognises the same canonical address even when the text changed", async () => {
    const { access } = await setup();
    const first = await importUrl(access, parse({ url: `${site.origin}/og` }));
    const changed = await startPageServer({ "/og": { body: OPENGRAPH_PAGE.replace("Ferries will be free.", "Ferries will cost one euro.") } });
    try {
      process.env.IMPORT_ALLOW_HOSTS += `,${changed.host}`;
      expect(await importUrl(access, parse({ url: `${changed.origin}/og` }))).toMatchObject({ status: "duplicate", article: { id: first.article.id } });
    } finally {
      await changed.close();
    }
  });

  it("two simultaneous imports of one canonical address store one article; the other is told it's a duplicate", async () => {
    const { workspace, access } = await setup();
    // Different text under one canonical address, so only the canonical index can settle it.
    const pages = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`/og${i}`, { body: OPENGRAPH_PAGE.replace("Ferries will be free.", `Ferries will cost ${i + 1} euros.`) }]));
    const versions = await startPageServer(pages);
    try {
      process.env.IMPORT_ALLOW_HOSTS += `,${versions.host}`;
      const results = await Promise.all(Object.keys(pages).map((path) => importUrl(access, parse({ url: `${versions.origin}${path}` }))));
      expect(results.filter((r) => r.status === "created")).toHaveLength(1);
      const winner = results.find((r) => r.status === "created")!.article.id;
      expect(results.filter((r) => r.status === "duplicate").map((r) => r.article.id)).toEqual([winner, winner, winner]);
      expect(await db.article.count({ where: { workspaceId: workspace.id } })).toBe(1);
    } finally {
      await versions.close();
    }
  });

  it("lets reviewed metadata win, and clears what was blanked", async () => {
    const { access } = await setup();
    const result = await importUrl(access, parse({ url: `${site.origin}/bare`, title: "Edited title", author: "", publisher: "Edited publisher", publishedAt: "2026-01-31", language: "", tags: ["council"] }));
    const row = await db.article.findUniqueOrThrow({ where: { id: result.article.id } });
    expect(row).toMatchObject({ title: "Edited title", author: null, publisher: "Edited publisher", publishedAt: new Date("2026-01-31T00:00:00Z"), language: null, tags: ["council"], url: `${site.origin}/bare` });
  });

  it("fails with the kind and the address, storing nothing", async () => {
    const { workspace, access } = await setup();
    for (const [path, kind] of [["/missing", "not-found"], ["/to-private", "refused-address"], ["/paywall", "empty"]]) {
      const err = await importUrl(access, parse({ url: `${site.origin}${path}` })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect(err).toMatchObject({ status: 422, fields: { url: expect.any(String) }, extra: { kind } });
    }
    expect(await db.article.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("a page with stray NULs and control characters imports without them; a binary one is named as such", async () => {
    const { workspace, access } = await setup();
    const result = await importUrl(access, parse({ url: `${site.origin}/nul` }));
    const row = await db.article.findUniqueOrThrow({ where: { id: result.article.id } });
    expect(row.text).toContain(STORY_FIRST_SENTENCE);
    expect(row.text).not.toMatch(/[\u0000-\u0008]/);
    const err = await importUrl(access, parse({ url: `${site.origin}/binary` })).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 422, extra: { kind: "not-html" } });
    expect((err as DomainError).message).toMatch(/binary file/);
    expect(await db.article.count({ where: { workspaceId: workspace.id } })).toBe(1);
  });

  it("checks the permission again: a viewer may not import", async () => {
    const { workspace } = await setup();
    const { user } = await makeMember(workspace.id, "viewer");
    const viewer = await authorize(user.id, workspace.slug, "workspace.view");
    const before = site.hits.get("/news") ?? 0;
    await expect(importUrl(viewer, parse({ url: `${site.origin}/news` }))).rejects.toMatchObject({ status: 403 });
    await expect(previewUrlImport(viewer, [`${site.origin}/news`])).rejects.toMatchObject({ status: 403 });
    // Refused before anything is fetched.
    expect(site.hits.get("/news") ?? 0).toBe(before);
  });
});
