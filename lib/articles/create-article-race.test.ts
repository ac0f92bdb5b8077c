import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { createArticle } from "./create-article";
import { docFromParagraphs } from "./document";

describe("createArticle under concurrency", () => {
  it("simultaneous articles with one canonical address: one is stored, the rest are its duplicates", async () => {
    const { workspace, admin } = await makeWorkspace();
    const canonicalUrl = `https://race.example/story-${workspace.id}`;
    const make = (i: number) =>
      createArticle({
        workspaceId: workspace.id,
        actorId: admin.id,
        doc: docFromParagraphs([`Story`, `Version ${i} of the same page, fetched at another moment.`]),
        metadata: { title: "Story", tags: [], url: canonicalUrl, publishedAt: null, language: null },
        source: { originalUrl: `${canonicalUrl}?v=${i}`, canonicalUrl, modifiedAt: null },
      });
    // Several rounds: each must end with one article, whoever wins.
    for (let round = 0; round < 3; round++) {
      await db.article.deleteMany({ where: { workspaceId: workspace.id } });
      const results = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => make(round * 10 + i)));
      const created = results.filter((r) => r.status === "created");
      expect(created).toHaveLength(1);
      expect(new Set(results.map((r) => r.article.id))).toEqual(new Set([created[0].article.id]));
      expect(await db.article.count({ where: { workspaceId: workspace.id } })).toBe(1);
    }
  });

  it("articles without a canonical address never conflict on it", async () => {
    const { workspace, admin } = await makeWorkspace();
    const results = await Promise.all(
      [1, 2, 3].map((i) => createArticle({ workspaceId: workspace.id, actorId: admin.id, doc: docFromParagraphs(["T", `Body ${i}.`]), metadata: { title: "T", tags: [], url: null, publishedAt: null, language: null } })),
    );
    expect(results.map((r) => r.status)).toEqual(["created", "created", "created"]);
  });
});
