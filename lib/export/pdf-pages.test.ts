import jsonld from "jsonld";
import { describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import";
import { claimWorld } from "@/lib/claims/test-world";
import { authorize } from "@/lib/auth/permissions";
import { importBundle, validateBundle, type Bundle } from "@/lib/bundle-import";
import { db } from "@/lib/db/client";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { base64, makePdf } from "@/lib/testing/office-files";
import { claimBatches } from "./batches";
import { exportContext } from "./context";
import { jsonlRecord } from "./formats/jsonl";
import { CLAIMTRAIL_NS } from "./formats/namespace";
import { exportSet, exportToString } from "./index";
import { offlineDocumentLoader } from "./jsonld-loader";

const at = new Date("2025-06-01T12:00:00.000Z");

/** A PDF article's mentions carry their page into the W3C and JSON Lines exports; other articles' don't. */
describe("pages in exports", () => {
  it("W3C (read by a JSON-LD processor) and JSON Lines (as PostgreSQL writes it) give the page", async () => {
    const w = await claimWorld();
    const pdf = await makePdf([
      { lines: ["The harbour authority said dredging starts in March next year."], footer: "Harbour authority — {n}" },
      { lines: ["Dredging will cost about 8 million euros, the authority said."], footer: "Harbour authority — {n}" },
      { lines: ["The work is planned to finish before the summer season begins."], footer: "Harbour authority — {n}" },
    ]);
    const imported = await importArticle({ workspaceId: w.workspace.id, actorId: w.admin.id, filename: "dredging.pdf", content: base64(pdf) });
    const article = await db.article.findUniqueOrThrow({ where: { id: imported.article.id }, select: { id: true, text: true, title: true, pageStarts: true } });
    expect(article.pageStarts).toHaveLength(3);
    const onPage2 = await w.claim("about 8 million euros", { on: article });
    const plain = await w.claim(w.first.text.split(" ").slice(0, 3).join(" "), { on: w.first });

    const access = await w.as(w.viewer);
    const w3c = JSON.parse(await exportToString(access, "w3c", {}, at)) as { first: { items: Record<string, unknown>[] } };
    const byClaim = (id: string) => w3c.first.items.find((i) => JSON.stringify(i.body).includes(id))!;
    expect(byClaim(onPage2.id)["ct:pdfPage"]).toBe(2);
    expect(byClaim(plain.id)).not.toHaveProperty("ct:pdfPage");
    const expanded = (await jsonld.expand(w3c as object, { documentLoader: offlineDocumentLoader as never })) as Record<string, unknown>[];
    const items = JSON.stringify(expanded);
    expect(items).toContain(`"${CLAIMTRAIL_NS}pdfPage":[{"@value":2}]`);

    const jsonl = (await exportToString(access, "jsonl", {}, at)).trim().split("\n").map((l) => JSON.parse(l) as { id: string; mentions: { page: number | null }[] });
    expect(jsonl.find((c) => c.id === onPage2.id)!.mentions).toMatchObject([{ page: 2 }]);
    expect(jsonl.find((c) => c.id === plain.id)!.mentions).toMatchObject([{ page: null }]);
    // The SQL-built lines are the records, byte for byte.
    const ctx = await exportContext(access, exportSet(access, {}), at);
    let expected = "";
    for await (const batch of claimBatches(ctx.set)) for (const c of batch) expected += JSON.stringify(jsonlRecord(ctx, c)) + "\n";
    expect(await exportToString(access, "jsonl", {}, at)).toBe(expected);
  });

  it("a bundle carries each article's page starts; they are checked against the text and kept on import", async () => {
    const w = await claimWorld();
    const pdf = await makePdf([{ lines: ["The port said the new quay opens in May next year."] }, { lines: ["It will cost about 12 million euros, the port said."] }]);
    const imported = await importArticle({ workspaceId: w.workspace.id, actorId: w.admin.id, filename: "quay.pdf", content: base64(pdf) });
    const source = await db.article.findUniqueOrThrow({ where: { id: imported.article.id }, select: { text: true, pageStarts: true } });
    expect(source.pageStarts).toHaveLength(2);
    const bundle = JSON.parse(await exportToString(await w.as(w.admin), "bundle", {}, at)) as Bundle;
    const inBundle = bundle.articles.find((a) => a.text === source.text)!;
    expect(inBundle.pageStarts).toEqual(source.pageStarts);
    expect(bundle.articles.find((a) => a.text !== source.text)!.pageStarts).toEqual([]);

    // Bad page starts are named; a bundle from before they were carried still imports.
    for (const [bad, message] of [[[5, 10], /first page starts at 0/], [[0, 30, 20], /Page 3 starts before page 2/], [[0, source.text.length + 1], /after the end of the text/]] as const) {
      const r = validateBundle({ ...bundle, articles: bundle.articles.map((a) => (a === inBundle ? { ...a, pageStarts: bad } : a)) });
      if (r.ok) throw new Error("should fail");
      const issue = r.issues.find((i) => i.path === `articles.${bundle.articles.indexOf(inBundle)}.pageStarts`);
      expect(issue?.message).toMatch(message);
    }
    const old = { ...bundle, articles: bundle.articles.map((a) => Object.fromEntries(Object.entries(a).filter(([k]) => k !== "pageStarts"))) };
    expect(validateBundle(old).ok).toBe(true);

    const { workspace, admin } = await makeWorkspace();
    const access = await authorize(admin.id, workspace.slug, "workspace.view");
    await importBundle(access, bundle, { dryRun: false });
    const copy = await db.article.findFirstOrThrow({ where: { workspaceId: workspace.id, text: source.text }, select: { pageStarts: true } });
    expect(copy.pageStarts).toEqual(source.pageStarts);
  });
});
