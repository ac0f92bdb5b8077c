import { createTranslator } from "next-intl";
import ukUi from "@/messages/uk/ui.json";
import { localizeFields, type ErrorTranslator } from "@/lib/http/localize-error";
import jsonld from "jsonld";
import { beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import { docFromParagraphs } from "@/lib/articles/document";
import { authorize, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { exportToString } from "@/lib/export";
import { exportWorld } from "@/lib/export/export-world";
import { offlineDocumentLoader } from "@/lib/export/jsonld-loader";
import { makeMember, makeUser, makeWorkspace, unique } from "@/lib/testing/fixtures";
import { importAnnotations, type ImportReport } from "./import-annotations";

async function freshWorkspace() {
  const owner = await makeUser();
  const { workspace } = await makeWorkspace(owner);
  const access = await authorize(owner.id, workspace.slug, "workspace.view");
  return { owner, workspace, access };
}

async function articleIn(access: Access, paragraphs: string[], url: string | null = null, title = unique("Article")) {
  const created = await createArticle({ workspaceId: access.workspace.id, actorId: access.userId, doc: docFromParagraphs([title, ...paragraphs]), metadata: { title, tags: [], url, publishedAt: null, language: null } });
  return db.article.findUniqueOrThrow({ where: { id: created.article.id }, select: { id: true, text: true, title: true, url: true } });
}

async function counts(workspaceId: string) {
  return {
    articles: await db.article.count({ where: { workspaceId } }),
    annotations: await db.annotation.count({ where: { workspaceId } }),
    claims: await db.claim.count({ where: { workspaceId } }),
  };
}

async function rejected(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

const statuses = (r: ImportReport) => r.rows.map((row) => row.status);

/** A W3C export with everything that names this workspace's rows (ids, pages, timestamps) taken out. */
function comparable(doc: { first: { items: Record<string, unknown>[] } }, titles: Map<string, string>) {
  // Claims are told apart by which annotations share one; named here by their first annotation's quote and article.
  const claimName = new Map<string, string>();
  for (const a of doc.first.items) {
    const claim = (a.body as Record<string, unknown>[]).find((b) => b.type === "ct:Claim")!;
    const quote = ((a.target as { selector: { type: string; exact?: string }[] }).selector.find((s) => s.type === "TextQuoteSelector")?.exact ?? "") + titles.get(String(a["ct:article"]));
    const id = String(claim.id);
    if (!claimName.has(id) || quote < claimName.get(id)!) claimName.set(id, quote);
  }
  return doc.first.items
    .map((a) => {
      // Verdict labels are the workspace's wording (settings), not the claim's: the verdict itself is compared.
      const body = (a.body as Record<string, unknown>[]).filter((b) => b.purpose !== "oa:assessing").map((b) => {
        if (b.type !== "ct:Claim") return b;
        const { id, "ct:page": _page, "ct:verdictLabel": _label, ...rest } = b;
        void _page;
        void _label;
        return { ...rest, claim: claimName.get(String(id)) };
      });
      const target = a.target as { source: string; selector: unknown };
      return {
        motivation: a.motivation,
        creator: (a.creator as { name?: string } | undefined)?.name ?? null,
        // The highlight keeps the annotation's own creation time, not the import's.
        created: a.created,
        article: titles.get(String(a["ct:article"])),
        source: target.source.startsWith("urn:") ? "urn" : target.source,
        selector: target.selector,
        body,
      };
    })
    .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
}

describe("W3C round trip", () => {
  it("exports a workspace's claims and imports them into a fresh one without loss", async () => {
    const w = await exportWorld();
    const source = await w.as(w.admin);
    const exported = JSON.parse(await exportToString(source, "w3c"));
    // Independent check of what is imported: a JSON-LD processor reads it as Web Annotations.
    const expanded = (await jsonld.expand(exported, { documentLoader: offlineDocumentLoader as never })) as Record<string, unknown>[];
    expect(JSON.stringify(expanded)).toContain("http://www.w3.org/ns/oa#Annotation");

    const fresh = await freshWorkspace();
    const originals = await db.article.findMany({ where: { workspaceId: w.workspace.id }, select: { id: true, title: true, doc: true, url: true } });
    const copies = new Map<string, string>();
    for (const o of originals) {
      const c = await createArticle({ workspaceId: fresh.workspace.id, actorId: fresh.owner.id, doc: o.doc as never, metadata: { title: o.title, tags: [], url: o.url, publishedAt: null, language: null } });
      copies.set(o.id, c.article.id);
    }
    const before = await counts(fresh.workspace.id);
    const dry = await importAnnotations(fresh.access, { content: JSON.stringify(exported) }, { dryRun: true });
    expect(await counts(fresh.workspace.id)).toEqual(before);
    expect(dry.tool).toBe("w3c");
    // Articles with a URL are found by it; the others (urn: sources name the other workspace's ids)
    // by their text: the one article here holding their quotes. The whole file goes in one import.
    expect(originals.some((o) => !o.url)).toBe(true);
    expect(dry.counts.orphaned).toBe(0);
    const items = exported.first.items as Record<string, unknown>[];
    // Each annotation lands on the copy of its own article (rows are numbered as the file's items).
    for (const row of dry.rows) {
      const exportedArticle = String(items[row.n - 1]["ct:article"]);
      const original = originals.find((o) => exportedArticle === `urn:claimtrail:article:${o.id}`)!;
      expect(row.article?.id).toBe(copies.get(original.id));
    }

    const applied = await importAnnotations(fresh.access, { content: JSON.stringify(exported) }, { dryRun: false });
    expect(applied.counts.orphaned).toBe(0);

    const again = JSON.parse(await exportToString(fresh.access, "w3c"));
    const titlesA = new Map(originals.map((o) => [`urn:claimtrail:article:${o.id}`, o.title]));
    const titlesB = new Map(originals.map((o) => [`urn:claimtrail:article:${copies.get(o.id)}`, o.title]));
    expect(comparable(again, titlesB)).toEqual(comparable(exported, titlesA));
    expect(again.total).toBe(exported.total);

    // The same file again adds nothing: every span is already highlighted.
    const settled = await counts(fresh.workspace.id);
    const replay = await importAnnotations(fresh.access, { content: JSON.stringify(exported) }, { dryRun: false });
    expect(replay.counts.placed + replay.counts.moved).toBe(0);
    expect(await counts(fresh.workspace.id)).toEqual(settled);
  });
});

describe("Hypothesis", () => {
  it("finds an article imported by URL under the address the reader visited, not only its canonical one", async () => {
    const { access } = await freshWorkspace();
    const visited = `http://127.0.0.1:4713/${unique("story")}`;
    const article = await articleIn(access, ["The council said the bridge carries 40,000 vehicles a day."], `https://news.example/${unique("canonical")}`);
    await db.article.update({ where: { id: article.id }, data: { canonicalUrl: article.url, originalUrl: visited } });
    const file = [{ uri: visited, user: "acct:kim@hypothes.is", target: [{ source: visited, selector: [{ type: "TextQuoteSelector", exact: "40,000 vehicles" }] }] }];
    const dry = await importAnnotations(access, { content: JSON.stringify(file) }, { dryRun: true });
    expect(statuses(dry)).toEqual(["placed"]);
  });

  it("places annotations on the article with that URL, keeping the author, note and tags", async () => {
    const { access, workspace } = await freshWorkspace();
    const url = `https://news.example/${unique("h")}`;
    const article = await articleIn(access, ["The mayor said 40% of buses run late.", "Riders disagree — ميزانية النقل 🚌 grew by 12%."], url);
    const row = (exact: string, prefix: string, extra: Record<string, unknown> = {}) => ({
      id: unique("hyp"),
      uri: url + "#section",
      user: "acct:jane_doe@hypothes.is",
      text: "Check the **source**",
      tags: ["transport", "Transport", "buses"],
      target: [{ source: url, selector: [{ type: "RangeSelector", startContainer: "/p[1]", endContainer: "/p[1]", startOffset: 0, endOffset: 3 }, { type: "TextPositionSelector", start: 1000, end: 1010 }, { type: "TextQuoteSelector", exact, prefix, suffix: "" }] }],
      ...extra,
    });
    const file = {
      total: 4,
      rows: [
        row("40% of buses run late", "The mayor said "),
        row("ميزانية النقل 🚌 grew", "disagree — ", { user: "acct:sam@example.org", user_info: { display_name: "Sam R." } }),
        row("trams are always early", ""),
        { ...row("", ""), target: [{ source: url }] },
      ],
    };
    const dry = await importAnnotations(access, { content: JSON.stringify(file) }, { dryRun: true });
    expect(dry.tool).toBe("hypothesis");
    // Hypothesis positions count the page's DOM text, not ours: found by quote, elsewhere.
    expect(statuses(dry)).toEqual(["moved", "moved", "orphaned", "orphaned"]);
    expect(dry.rows[3].reason).toMatch(/page note/);
    expect(await db.annotation.count({ where: { articleId: article.id } })).toBe(0);

    // The orphan with words is kept as an orphaned highlight (the reader lists it); the page note has no words to keep.
    expect(dry.rows.map((r) => r.stored)).toEqual([true, true, true, false]);
    await importAnnotations(access, { content: JSON.stringify(file) }, { dryRun: false });
    const rows = await db.annotation.findMany({ where: { articleId: article.id, start: { not: null } }, orderBy: { start: "asc" } });
    expect(rows.map((r) => [article.text.slice(r.start!, r.end!), r.originalCreator, r.importedFrom, r.tags, r.note])).toEqual([
      ["40% of buses run late", "jane_doe", "Hypothesis", ["transport", "buses"], "Check the **source**"],
      ["ميزانية النقل 🚌 grew", "Sam R.", "Hypothesis", ["transport", "buses"], "Check the **source**"],
    ]);
    const orphans = await db.annotation.findMany({ where: { articleId: article.id, start: null } });
    expect(orphans.map((r) => [r.status, r.exact, r.end, r.originalCreator, r.importedFrom])).toEqual([["orphaned", "trams are always early", null, "jane_doe", "Hypothesis"]]);
    expect(await db.annotationEvent.count({ where: { annotationId: { in: [...rows, ...orphans].map((r) => r.id) }, kind: "created" } })).toBe(3);
    // Importing the same file again keeps one of each, the orphan too.
    const again = await importAnnotations(access, { content: JSON.stringify(file) }, { dryRun: false });
    expect(statuses(again)).toEqual(["duplicate", "duplicate", "duplicate", "orphaned"]);
    expect(await db.annotation.count({ where: { articleId: article.id } })).toBe(3);
    // Each imported highlight is in the feed once: the second import added none.
    expect(await db.change.count({ where: { articleId: article.id, kind: "annotation.created" } })).toBe(3);
    expect((await counts(workspace.id)).claims).toBe(0);
  });

  it("keeps each annotation's own `created` when it is a real date not in the future; the import time otherwise", async () => {
    const { access } = await freshWorkspace();
    const article = await articleIn(access, ["Inflation fell to 3.1 percent in May, the office said on Tuesday."]);
    const row = (exact: string, created?: unknown) => ({ uri: "https://elsewhere.example/x", ...(created === undefined ? {} : { created }), target: [{ selector: [{ type: "TextQuoteSelector", exact }] }] });
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const file = [row("Inflation", "2024-05-01T10:20:30.456+00:00"), row("3.1 percent", future), row("in May", "not a date"), row("the office"), row("on Tuesday", "2024-02-30T00:00:00Z")];
    const before = Date.now();
    await importAnnotations(access, { content: JSON.stringify(file), articleId: article.id }, { dryRun: false });
    const rows = await db.annotation.findMany({ where: { articleId: article.id }, orderBy: { start: "asc" } });
    expect(rows.map((r) => r.exact)).toEqual(["Inflation", "3.1 percent", "in May", "the office", "on Tuesday"]);
    expect(rows[0].createdAt.toISOString()).toBe("2024-05-01T10:20:30.456Z");
    for (const r of rows.slice(1)) expect(r.createdAt.getTime(), r.exact).toBeGreaterThanOrEqual(before - 1000);
  });

  it("reports annotations of a page that isn't here, and places them on the article picked", async () => {
    const { access } = await freshWorkspace();
    const article = await articleIn(access, ["Inflation fell to 3.1 percent in May."]);
    const file = [{ uri: "https://elsewhere.example/x", user: "acct:kim@hypothes.is", target: [{ source: "https://elsewhere.example/x", selector: [{ type: "TextQuoteSelector", exact: "3.1 percent" }] }] }];
    const unmatched = await importAnnotations(access, { content: JSON.stringify(file) }, { dryRun: true });
    expect(unmatched.rows[0]).toMatchObject({ status: "orphaned", article: null });
    expect(unmatched.rows[0].reason).toContain("https://elsewhere.example/x");
    const picked = await importAnnotations(access, { content: JSON.stringify(file), articleId: article.id }, { dryRun: false });
    expect(picked.rows[0]).toMatchObject({ status: "placed", article: { id: article.id } });
    expect(await db.annotation.count({ where: { articleId: article.id, originalCreator: "kim" } })).toBe(1);
  });
});

describe("Label Studio", () => {
  const text = "Officials said unemployment fell to 4.1% 📉 in March. Critics called the claim misleading.";
  const task = (results: unknown[]) => ({
    id: 7,
    data: { text, title: unique("LS task") },
    annotations: [{ id: 1, completed_by: { email: "ana@newsroom.example", first_name: "Ana", last_name: "Silva" }, result: results }],
  });
  const span = (start: number, end: number, labels: string[], quote = text.slice(start, end)) => ({ id: unique("r"), from_name: "label", to_name: "text", type: "labels", value: { start, end, text: quote, labels } });

  it("leaves out a task with no text, or only an image or audio address, reported by task; never makes an article of it", async () => {
    const { access, workspace } = await freshWorkspace();
    const good = { id: 1, data: { text: "The port handled 12 million tonnes.", image: "http://x/port.png" }, annotations: [{ result: [{ type: "labels", value: { start: 4, end: 8, labels: ["Place"] } }] }] };
    const image = { id: 4, data: { image: "http://x/y.png" }, annotations: [{ result: [{ type: "labels", value: { start: 0, end: 4, labels: ["X"] } }] }] };
    const audio = { id: 5, data: { audio: "/data/upload/1/clip.mp3", title: "Clip" }, annotations: [] };
    const textUrl = { id: 6, data: { text: "s3://bucket/story.txt" }, annotations: [] };
    const empty = { id: 7, data: {}, annotations: [] };
    const dry = await importAnnotations(access, { content: JSON.stringify([good, image, audio, textUrl, empty]) }, { dryRun: true });
    expect(dry.rows.map((r) => r.quote)).toEqual(["port"]);
    expect(dry.skippedTasks).toEqual([
      { task: 2, field: "[1].data.text", reason: expect.stringContaining("only data.image"), code: "annotation_task_media", params: { fields: "data.image" } },
      { task: 3, field: "[2].data.text", reason: expect.stringContaining("only data.audio"), code: "annotation_task_media", params: { fields: "data.audio" } },
      { task: 4, field: "[3].data.text", reason: expect.stringContaining("only an address"), code: "annotation_task_address" },
      { task: 5, field: "[4].data.text", reason: "It has no text: give the task's text as data.text.", code: "annotation_task_no_text" },
    ]);
    const done = await importAnnotations(access, { content: JSON.stringify([good, image, audio, textUrl, empty]) }, { dryRun: false });
    expect(done.skippedTasks).toHaveLength(4);
    expect(await db.article.findMany({ where: { workspaceId: workspace.id }, select: { text: true } })).toEqual([{ text: good.data.text }]);
    // A file of image tasks only is refused, naming each task; nothing written.
    const err = await rejected(importAnnotations(access, { content: JSON.stringify([image]) }, { dryRun: false }));
    expect(err.message).toBe("Label Studio file: task 1 has no text.");
    expect(err.fields).toEqual({ "[0].data.text": expect.stringContaining("only data.image") });
    expect(await db.article.count({ where: { workspaceId: workspace.id } })).toBe(1);
  });

  it("creates the article from the task's text, labels become tags, a Claim label a claim; bad spans are orphaned", async () => {
    const { access, workspace } = await freshWorkspace();
    const claimStart = text.indexOf("unemployment");
    const claimEnd = text.indexOf(" in March") ;
    const file = [
      task([
        span(claimStart, claimEnd, ["Claim", "economy"]),
        span(0, 9, ["Source"]),
        // Overlapping the first.
        span(claimStart, claimStart + 12, ["Statistic"]),
        span(5000, 5010, ["Source"], "nowhere"),
        span(text.indexOf("Critics"), text.indexOf("Critics") + 7, ["Source"], "Opponents"),
        { from_name: "sentiment", to_name: "text", type: "choices", value: { choices: ["negative"] } },
      ]),
    ];
    const before = await counts(workspace.id);
    const dry = await importAnnotations(access, { content: JSON.stringify(file) }, { dryRun: true });
    expect(await counts(workspace.id)).toEqual(before);
    expect(dry.tool).toBe("label-studio");
    expect(dry.articles).toEqual([expect.objectContaining({ id: null, status: "new" })]);
    expect(statuses(dry)).toEqual(["placed", "placed", "placed", "orphaned", "orphaned"]);
    expect(dry.rows[0]).toMatchObject({ claim: "unemployment fell to 4.1% 📉", creator: "Ana Silva" });

    const done = await importAnnotations(access, { content: JSON.stringify(file) }, { dryRun: false });
    const articleId = done.articles[0].id!;
    const article = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(article.text).toContain(text);
    // Detected from its text, as on every import.
    expect(article.language).toBe("en");
    const rows = await db.annotation.findMany({ where: { articleId, start: { not: null } }, orderBy: [{ start: "asc" }, { end: "desc" }], include: { claim: true } });
    expect(rows.map((r) => [r.exact, r.tags, r.claim?.statement ?? null, r.claim?.tags ?? null, r.originalCreator])).toEqual([
      ["Officials", ["Source"], null, null, "Ana Silva"],
      ["unemployment fell to 4.1% 📉", [], "unemployment fell to 4.1% 📉", ["economy"], "Ana Silva"],
      ["unemployment", ["Statistic"], null, null, "Ana Silva"],
    ]);
    expect(await db.change.count({ where: { claimId: rows[1].claimId!, kind: "claim.created" } })).toBe(1);
    // Spans that couldn't be placed are kept as orphaned highlights with the words the tool recorded.
    const orphans = await db.annotation.findMany({ where: { articleId, start: null } });
    expect(orphans.map((r) => [r.status, r.exact, r.tags, r.originalCreator]).sort((x, y) => String(x[1]).localeCompare(String(y[1])))).toEqual([
      ["orphaned", "nowhere", ["Source"], "Ana Silva"],
      ["orphaned", "Opponents", ["Source"], "Ana Silva"],
    ]);
  });

  it("a Claim span in another file is another claim; the same file again adds none (a black-box tester's second file joined the first file's claim)", async () => {
    const { access, workspace } = await freshWorkspace();
    const fileOf = (words: string, sentence: string) => [
      { data: { text: sentence, title: unique("LS task") }, annotations: [{ result: [{ type: "labels", value: { start: sentence.indexOf(words), end: sentence.indexOf(words) + words.length, text: words, labels: ["Claim"] } }] }] },
    ];
    const one = fileOf("crime fell by half", "The mayor said crime fell by half in two years across the city.");
    const two = fileOf("exports doubled", "A minister claimed exports doubled since the reform passed.");
    expect((await importAnnotations(access, { content: JSON.stringify(one) }, { dryRun: false })).claims).toBe(1);
    expect((await importAnnotations(access, { content: JSON.stringify(two) }, { dryRun: false })).claims).toBe(1);
    const claims = await db.claim.findMany({ where: { workspaceId: workspace.id }, include: { mentions: { select: { exact: true } } }, orderBy: { statement: "asc" } });
    expect(claims.map((c) => [c.statement, c.mentions.map((a) => a.exact)])).toEqual([
      ["crime fell by half", ["crime fell by half"]],
      ["exports doubled", ["exports doubled"]],
    ]);
    // doccano's claim spans are keyed the same way.
    const doccano = (sentence: string, words: string) => JSON.stringify({ text: sentence, label: [[sentence.indexOf(words), sentence.indexOf(words) + words.length, "Claim"]] });
    const d1 = doccano("Rents fell by a tenth in the capital last year.", "Rents fell by a tenth");
    expect((await importAnnotations(access, { content: d1 }, { dryRun: false })).claims).toBe(1);
    expect((await importAnnotations(access, { content: doccano("The river rose two metres overnight, officials said.", "river rose two metres") }, { dryRun: false })).claims).toBe(1);
    expect(await db.claim.count({ where: { workspaceId: workspace.id } })).toBe(4);
    // The same file again: its spans are already highlighted, and no claim is added.
    const again = await importAnnotations(access, { content: d1 }, { dryRun: false });
    expect(again.claims).toBe(0);
    expect(await db.claim.count({ where: { workspaceId: workspace.id } })).toBe(4);
  });

  it("a NUL escaped in a note, a creator, a tag or a label is taken out, not a 500 (a black-box tester's file)", async () => {
    const { access, workspace } = await freshWorkspace();
    const sentence = "The governor said the new bridge opens in May next year.";
    const file = [
      {
        data: { text: sentence, title: unique("LS task") },
        annotations: [{ completed_by: { email: "n@x.example", first_name: "Nu\u0000ll" }, result: [{ type: "labels", value: { start: 4, end: 12, text: "governor", labels: ["So\u0000urce"] } }] }],
      },
    ];
    const content = JSON.stringify(file).replaceAll("\\\\u0000", "\\u0000");
    expect(content).toContain("\\u0000");
    const done = await importAnnotations(access, { content }, { dryRun: false });
    expect(done.rows.map((r) => r.status)).toEqual(["placed"]);
    const row = await db.annotation.findFirstOrThrow({ where: { workspaceId: workspace.id, exact: "governor" } });
    expect([row.tags, row.originalCreator]).toEqual([["Source"], "Null"]);
    const doccano = JSON.stringify({ text: sentence, label: [[17, 32, "Cl\u0000aim"]] }).replace("\\\\u0000", "\\u0000");
    expect((await importAnnotations(access, { content: doccano }, { dryRun: false })).claims).toBe(1);
  });

  it("half a UTF-16 pair in a note is a 400 naming the file, and nothing is written (it was stored as U+FFFD)", async () => {
    const { access, workspace } = await freshWorkspace();
    const file = [{ data: { text: "The port will reopen on Monday, the mayor said.", title: unique("LS task") }, annotations: [{ result: [{ type: "labels", value: { start: 4, end: 8, text: "port", labels: ["Place"] } }] }] }];
    const content = JSON.stringify(file).replace('"Place"', '"Pl\\ud800ace"');
    expect(content).toContain("\\ud800");
    const before = await counts(workspace.id);
    await expect(importAnnotations(access, { content }, { dryRun: false })).rejects.toMatchObject({ status: 400, fields: { content: "Contains a broken character." } });
    expect(await counts(workspace.id)).toEqual(before);
  });

  it("a result without a value is left out and reported by task and result; the rest of the file imports (it refused the whole file)", async () => {
    const { access, workspace } = await freshWorkspace();
    const first = "The port will reopen on Monday, the mayor said.";
    const second = "Ferry fares will stay the same this year, the operator said.";
    const file = [
      { data: { text: first, title: unique("LS task") }, annotations: [{ result: [{ type: "labels", value: { start: 4, end: 8, text: "port", labels: ["Place"] } }] }] },
      {
        data: { text: second, title: unique("LS task") },
        annotations: [
          {
            result: [
              { id: "broken", from_name: "label", to_name: "text", type: "labels" },
              // A relation has no value either, and marks no words: not a span, not reported.
              { type: "relation", from_id: "a", to_id: "b", direction: "right" },
              { type: "labels", value: { start: 0, end: 11, text: "Ferry fares", labels: ["Topic"] } },
            ],
          },
        ],
      },
    ];
    const content = JSON.stringify(file);
    const dry = await importAnnotations(access, { content }, { dryRun: true });
    expect(dry.rows.map((r) => [r.status, r.quote])).toEqual([
      ["placed", "port"],
      ["placed", "Ferry fares"],
    ]);
    expect(dry.skippedResults).toEqual([
      { task: 2, annotation: 1, result: 1, field: "[1].annotations[0].result[0].value", reason: "It has no value (no offsets, text or labels), so it marks no words.", code: "annotation_result_no_value" },
    ]);
    expect(dry.skipped).toEqual([]);

    const done = await importAnnotations(access, { content }, { dryRun: false });
    expect(done.skippedResults).toHaveLength(1);
    const rows = await db.annotation.findMany({ where: { workspaceId: workspace.id }, orderBy: { exact: "asc" } });
    expect(rows.map((r) => [r.exact, r.tags])).toEqual([
      ["Ferry fares", ["Topic"]],
      ["port", ["Place"]],
    ]);

    // A file with no readable span at all is refused, naming each result's field; nothing is written.
    const before = await counts(workspace.id);
    const onlyBroken = JSON.stringify([{ data: { text: second }, annotations: [{ result: [{ type: "labels" }, { type: "labels", value: { start: "0" } }] }] }]);
    const err = await rejected(importAnnotations(access, { content: onlyBroken }, { dryRun: false }));
    expect(err.status).toBe(422);
    expect(err.message).toMatch(/task 1, result 1: It has no value/);
    expect(Object.keys(err.fields)).toEqual(["[0].annotations[0].result[0].value", "[0].annotations[0].result[1].value.start"]);
    expect(await counts(workspace.id)).toEqual(before);
  });

  it("reads code-point offsets too (astral characters before the span)", async () => {
    const { access } = await freshWorkspace();
    const t = "🚌🚌 Fares rose 20% this year.";
    const points = [...t];
    const start = points.indexOf("F");
    const file = [{ data: { text: t }, annotations: [{ completed_by: 3, result: [{ type: "labels", value: { start, end: start + 10, text: "Fares rose", labels: ["Figure"] } }] }] }];
    const r = await importAnnotations(access, { content: JSON.stringify(file) }, { dryRun: true });
    expect(r.rows[0]).toMatchObject({ status: "placed", quote: "Fares rose", creator: "Label Studio user 3" });
  });

  it("a viewer's import is refused", async () => {
    const { workspace } = await freshWorkspace();
    const { user: viewer } = await makeMember(workspace.id, "viewer");
    const access = await authorize(viewer.id, workspace.slug, "workspace.view");
    await rejected(importAnnotations(access, { content: JSON.stringify([task([span(0, 9, ["x"])])]) }, { dryRun: true }));
  });
});

describe("doccano", () => {
  it("imports JSONL spans (label, labels and entities shapes) as tagged highlights on new articles", async () => {
    const { access } = await freshWorkspace();
    const t1 = "Le chômage a baissé de 2 % selon le ministre.";
    const t2 = "אבטלה ירדה ל־4 אחוזים, אמר השר. 😀 Sales rose.";
    const s2 = [...t2].join("").indexOf("😀");
    const p2 = [...t2.slice(0, s2)].length + 2;
    const lines = [
      JSON.stringify({ id: 1, text: t1, label: [[3, 10, "ECON"], [0, 10, "CLAIM"], [40, 80, "PER"]] }),
      "",
      JSON.stringify({ id: 2, text: t2, entities: [{ id: 9, label: "ORG", start_offset: 0, end_offset: 5 }, { id: 10, label: "FIG", start_offset: p2, end_offset: p2 + 10 }], relations: [] }),
      JSON.stringify({ id: 3, text: `${t1} (bis)`, labels: [[0, 2, "DET"]], user: "annotator1" }),
    ].join("\n");
    const dry = await importAnnotations(access, { content: lines }, { dryRun: true });
    expect(dry.tool).toBe("doccano");
    expect(dry.rows.map((r) => [r.status, r.quote])).toEqual([
      ["placed", "chômage"],
      ["placed", "Le chômage"],
      ["orphaned", ""],
      ["placed", "אבטלה"],
      ["placed", "Sales rose"],
      ["placed", "Le"],
    ]);
    expect(dry.rows[2].reason).toMatch(/beyond the text/);
    expect(dry.rows[2].reasonCode).toMatchObject({ code: "annotation_offsets_beyond", params: { length: expect.any(Number) } });
    const done = await importAnnotations(access, { content: lines }, { dryRun: false });
    expect(done.articles).toHaveLength(3);
    const anns = await db.annotation.findMany({ where: { workspaceId: access.workspace.id }, include: { claim: true }, orderBy: { exact: "asc" } });
    expect(anns.map((a) => [a.exact, a.tags, a.claim?.statement ?? null, a.importedFrom])).toEqual(
      expect.arrayContaining([
        ["chômage", ["ECON"], null, "doccano"],
        ["Le chômage", [], "Le chômage", "doccano"],
        ["Le", ["DET"], null, "doccano"],
      ]),
    );
    expect(anns.find((a) => a.exact === "Le")!.originalCreator).toBe("annotator1");
  });

  it("bad lines are reported by line number and left out; the good lines import", async () => {
    const { access } = await freshWorkspace();
    const good = (i: number) => JSON.stringify({ text: `Line ${i} says the rate fell by ${i} %.`, label: [[0, 6, "CLAIM"]] });
    const content = [good(1), good(2), "", JSON.stringify({ text: "abc", label: [["x", 1, "A"]] }), good(5), good(6), '{"text": "truncated', good(8)].join("\n");
    const dry = await importAnnotations(access, { content }, { dryRun: true });
    expect(dry.skipped.map((s) => s.line)).toEqual([4, 7]);
    expect(dry.skipped[0].reason).toMatch(/^Not a doccano record: label\[0\]/);
    expect(dry.skipped[1].reason).toBe("Not valid JSON (column 20: the line ends too soon).");
    expect(dry.skipped.map((s) => s.code)).toEqual(["annotation_line_not_doccano", "annotation_line_not_json"]);
    expect(dry.skipped[0].params?.field).toMatch(/^label\[0\]/);
    expect(dry.counts.placed).toBe(5);
    const done = await importAnnotations(access, { content }, { dryRun: false });
    expect(done.skipped).toHaveLength(2);
    expect(await db.annotation.count({ where: { workspaceId: access.workspace.id } })).toBe(5);
    expect(await db.article.count({ where: { workspaceId: access.workspace.id } })).toBe(5);
  });

  it("10,000 spans: one dry run, one transaction", async () => {
    const { access, workspace } = await freshWorkspace();
    const words = Array.from({ length: 10_000 }, (_, i) => `w${i}`);
    const text = words.join(" ");
    let at = 0;
    const label = words.map((w) => {
      const span = [at, at + w.length, "TOKEN"];
      at += w.length + 1;
      return span;
    });
    const content = JSON.stringify({ text, label });
    const dry = await importAnnotations(access, { content }, { dryRun: true });
    expect(dry.counts.placed).toBe(10_000);
    const done = await importAnnotations(access, { content }, { dryRun: false });
    expect(done.counts.placed).toBe(10_000);
    expect(await db.annotation.count({ where: { workspaceId: workspace.id } })).toBe(10_000);
  }, 120_000);
});

describe("values past Claimtrail's limits", () => {
  it("a long note, long or too many tags are shortened and said so per annotation in the dry run, never silently", async () => {
    const { access } = await freshWorkspace();
    const article = await articleIn(access, ["The council said the harbour bridge carries about forty thousand vehicles a day."]);
    const note = "Checked against the council's traffic counts. ".repeat(150);
    const longTag = "transport-infrastructure-and-public-works-budget";
    const tags = [longTag, ...Array.from({ length: 24 }, (_, i) => `tag${i + 1}`)];
    const row = (exact: string, text: string, rowTags: string[]) => ({
      uri: "https://elsewhere.example/bridge",
      user: "acct:jane@hypothes.is",
      text,
      tags: rowTags,
      target: [{ source: "https://elsewhere.example/bridge", selector: [{ type: "TextQuoteSelector", exact }] }],
    });
    const content = JSON.stringify({ rows: [row("forty thousand vehicles", note, tags), row("harbour bridge", "Short note.", ["bridges"])] });

    const dry = await importAnnotations(access, { content, articleId: article.id }, { dryRun: true });
    expect(statuses(dry)).toEqual(["placed", "placed"]);
    expect(dry.rows[0].notices).toEqual([
      `Note shortened to 5,000 characters (it had ${note.length.toLocaleString("en")}).`,
      `Tag “${longTag.slice(0, 40)}…” shortened to 40 characters (it had ${longTag.length}).`,
      "Only the first 20 of its 25 tags are kept.",
    ]);
    expect(dry.rows[1].notices).toEqual([]);
    // The same notices by their codes and values, which the dry run says in the reader's language.
    expect(dry.rows[0].noticeCodes).toEqual([
      { code: "annotation_note_shortened", params: { kept: 5000, had: note.length } },
      { code: "annotation_tag_shortened", params: { tag: longTag.slice(0, 40), kept: 40, had: longTag.length } },
      { code: "annotation_tags_dropped", params: { max: 20, count: 25 } },
    ]);
    const uk = createTranslator({ locale: "uk", messages: { ui: ukUi } as never, namespace: "ui.apiErrors" as never }) as unknown as ErrorTranslator;
    const said = dry.rows[0].notices.map((n, i) => localizeFields({ n }, { n: dry.rows[0].noticeCodes[i] }, "uk", uk).n);
    expect(said[0]).toBe(`Нотатку скорочено до ${(5000).toLocaleString("uk")} симв. (було ${note.length.toLocaleString("uk")}).`);
    expect(said[2]).toBe("Збережено лише перші 20 з 25 тегів.");

    await importAnnotations(access, { content, articleId: article.id }, { dryRun: false });
    const stored = await db.annotation.findFirstOrThrow({ where: { articleId: article.id, exact: "forty thousand vehicles" } });
    expect(stored.note).toBe(note.slice(0, 5000));
    expect(stored.tags).toHaveLength(20);
    expect(stored.tags[0]).toBe(longTag.slice(0, 40));
  });

  it("a claim statement past 2,000 characters is shortened and said so; a quote past 20,000 is left out with its reason, nothing written for it", async () => {
    const { access, workspace } = await freshWorkspace();
    const claimWords = "The minister said that the new ferry line would carry more passengers than the bridge ever did ".repeat(22).trim();
    const hugeQuote = "Every word of this very long passage was highlighted in one go by an eager annotator. ".repeat(250).trim();
    const text = `${claimWords} ${hugeQuote}`;
    expect(claimWords.length).toBeGreaterThan(2000);
    expect(hugeQuote.length).toBeGreaterThan(20_000);
    const file = [
      {
        data: { text, title: unique("LS task") },
        annotations: [
          {
            result: [
              { type: "labels", value: { start: 0, end: claimWords.length, text: claimWords, labels: ["Claim"] } },
              { type: "labels", value: { start: claimWords.length + 1, end: text.length, text: hugeQuote, labels: ["Source"] } },
            ],
          },
        ],
      },
    ];
    const dry = await importAnnotations(access, { content: JSON.stringify(file) }, { dryRun: true });
    expect(dry.rows[0]).toMatchObject({ status: "placed", stored: true, notices: [`Claim statement shortened to 2,000 characters (it had ${claimWords.length.toLocaleString("en")}).`] });
    expect(dry.rows[1]).toMatchObject({
      status: "orphaned",
      stored: false,
      reason: `The quote has ${hugeQuote.length.toLocaleString("en")} characters, more than the 20,000 a highlight holds: left out.`,
    });
    expect(dry.rows[1].quote).toBe(hugeQuote.slice(0, 300));

    const done = await importAnnotations(access, { content: JSON.stringify(file) }, { dryRun: false });
    expect(done.claims).toBe(1);
    const claim = await db.claim.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    expect(claim.statement).toBe(claimWords.slice(0, 2000));
    expect(await db.annotation.count({ where: { workspaceId: workspace.id } })).toBe(1);
  });
});

describe("bad input", () => {
  let access: Access;
  let workspaceId: string;
  beforeAll(async () => {
    const f = await freshWorkspace();
    access = f.access;
    workspaceId = f.workspace.id;
  });

  it.each([
    ["not JSON", "this is not json {", 400, "content"],
    ["empty", "   ", 400, "content"],
    ["an unknown object", JSON.stringify({ hello: "world" }), 422, "[0]"],
    ["an empty list", "[]", 422, "content"],
    ["a Hypothesis row without a target", JSON.stringify({ rows: [{ uri: "https://x.example" }] }), 422, "rows[0].target"],
    ["a W3C quote selector without exact", JSON.stringify({ type: "Annotation", target: { source: "https://x.example", selector: { type: "TextQuoteSelector", exact: 5 } } }), 422, "[0].target[0].selector[0].exact"],
    ["a Label Studio task whose labels aren't strings", JSON.stringify([{ data: { text: "abc" }, annotations: [{ result: [{ type: "labels", value: { start: 0, end: 1, labels: [1] } }] }] }]), 422, "[0].annotations[0].result[0].value.labels[0]"],
    ["a doccano file with no good line", `${JSON.stringify({ text: "abc", label: [["x", 1, "A"]] })}\n{"text": "abc", "label": [[0, 1`, 422, "line 1"],
    ["a JSON Lines file of W3C annotations with a bad line", `${JSON.stringify({ type: "Annotation", target: { source: "https://x.example", selector: { type: "TextQuoteSelector", exact: "a" } } })}\nnot json`, 422, "line 2"],
    ["a paged collection", JSON.stringify({ type: "AnnotationCollection", first: "https://x.example/page1" }), 422, "first"],
  ])("%s: a clear 4xx naming the field, nothing written", async (_label, content, status, field) => {
    const before = await counts(workspaceId);
    const err = await rejected(importAnnotations(access, { content }, { dryRun: false }));
    expect(err.status).toBe(status);
    expect(Object.keys(err.fields)).toContain(field);
    expect(await counts(workspaceId)).toEqual(before);
  });

  it("an article picked that isn't in the workspace is not found", async () => {
    const err = await rejected(importAnnotations(access, { content: JSON.stringify([{ uri: "u", target: [{ selector: [{ type: "TextQuoteSelector", exact: "x" }] }] }]), articleId: "nope" }, { dryRun: true }));
    expect(err.status).toBe(404);
  });
});
