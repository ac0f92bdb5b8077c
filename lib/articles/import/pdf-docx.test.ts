import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { base64, makeDocx, makeEncryptedPdf, makePdf } from "@/lib/testing/office-files";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { canonicalText } from "../document";
import { movePageStarts, pageAt, pageLabel } from "../page-starts";
import { importArticle, importPaths, parseArticleAsync, type ImportOutcome } from "./index";
import { MAX_DOCX_UNPACKED_BYTES } from "./docx-to-html";
import { pdfToDoc } from "./pdf-to-doc";

const RUNNING = { header: "Harbour Council · Annual report 2024", footer: "Page {n} of 4" };

/** Four pages: a headline, hyphenated line ends, a real hyphen, a paragraph running over a page break, an image-only page, running header and footer. */
async function reportPdf() {
  return makePdf([
    {
      headline: "Bridge repairs report",
      lines: [
        "The council said the bridge carries about forty thou-",
        "sand vehicles a day, a well-known figure among com-",
        "muters.",
        "",
        "Repairs will take a year and cost 12 million euros,",
        "according to the infor-",
      ],
      ...RUNNING,
    },
    { lines: ["mation the council published on Monday.", "", "Ferries will run every ten minutes."], ...RUNNING },
    { imageOnly: true },
    { lines: ["The last page says the bridge reopens in May."], ...RUNNING },
  ]);
}

describe("PDF import", () => {
  it("joins hyphenated line ends, keeps real hyphens, drops running headers and footers, rebuilds paragraphs and keeps page starts", async () => {
    const pdf = await pdfToDoc(await reportPdf(), "report.pdf", { takeTitle: true });
    const text = canonicalText(pdf.doc);
    expect(pdf.title).toBe("Bridge repairs report");
    expect(text.split("\n\n")).toEqual([
      "The council said the bridge carries about forty thousand vehicles a day, a well-known figure among commuters.",
      // The sentence runs on over the page break, and the word broken there is made whole.
      "Repairs will take a year and cost 12 million euros, according to the information the council published on Monday.",
      "Ferries will run every ten minutes.",
      "The last page says the bridge reopens in May.",
    ]);
    expect(text).not.toMatch(/Harbour Council|Page \d/);
    expect(pdf.pageStarts).toHaveLength(4);
    expect(pdf.pageStarts[0]).toBe(0);
    expect(text.slice(pdf.pageStarts[1])).toMatch(/^mation the council/);
    // The image-only page starts where the next text does.
    expect(pdf.pageStarts[2]).toBe(pdf.pageStarts[3]);
    expect(text.slice(pdf.pageStarts[3])).toMatch(/^The last page/);
    expect(pageAt(pdf.pageStarts, text.indexOf("Ferries"))).toBe(2);
    expect(pageAt(pdf.pageStarts, text.indexOf("reopens"))).toBe(4);
    const across = text.indexOf("according");
    expect(pageLabel(pdf.pageStarts, across, text.indexOf("Monday") + 6)).toBe("pp. 1–2");
  });

  it("keeps body lines that repeat from page to page apart from their numbers; drops only the running header and footer", async () => {
    const pages = [1, 2, 3].map((n) => ({
      header: "Annual Bridge Inspection Report",
      footer: "Page {n} of 3",
      lines: [`Inspection ${n} found corrosion on the north cable.`, `Cable ${n} was last replaced in 201${n}.`, `Deck section ${n} was resurfaced in spring.`],
    }));
    const numbered = [1, 2].map((n) => ({ lines: Array.from({ length: 12 }, (_, i) => `Line ${i + 1} of page ${n} in the inspection log.`) }));
    for (const [pdf, expected] of [
      [await makePdf(pages), ["Inspection 2 found corrosion", "Cable 3 was last replaced in 2013.", "Deck section 1 was resurfaced"]],
      [await makePdf(numbered), ["Line 1 of page 1", "Line 12 of page 2"]],
    ] as const) {
      const parsed = await parseArticleAsync({ filename: "report.pdf", content: base64(pdf) });
      const text = canonicalText(parsed.doc);
      for (const part of expected) expect(text).toContain(part);
      expect(text).not.toMatch(/Page \d of 3/);
    }
  });

  it("keeps a sentence that opens or closes the body of every page: only lines in the top and bottom bands are running lines", async () => {
    const opening = "Statement from the harbour council, issued on Monday.";
    const closing = "Questions about this statement go to the press office.";
    const body = (n: number) => [opening, `Section ${n} of the bridge will shut for ${n + 2} weeks.`, "", `Ferries cover section ${n} meanwhile.`, closing];
    const withRunning = [1, 2, 3].map((n) => ({ header: "Harbour Council", footer: "Page {n} of 3", lines: body(n) }));
    const bare = [1, 2, 3].map((n) => ({ lines: body(n) }));
    for (const pages of [withRunning, bare]) {
      const pdf = await pdfToDoc(await makePdf(pages), "statement.pdf");
      const text = canonicalText(pdf.doc);
      // Once per page, at the top and the bottom of the body of each.
      expect(text.split(opening)).toHaveLength(4);
      expect(text.split(closing)).toHaveLength(4);
      for (const n of [1, 2, 3]) expect(text.slice(pdf.pageStarts[n - 1]).startsWith(opening)).toBe(true);
      expect(text).not.toContain("Harbour Council");
      expect(text).not.toMatch(/Page \d of 3/);
    }
  });

  it("keeps the headline in the body when the title is given, and a header that isn't on every page", async () => {
    const bytes = await makePdf([
      { headline: "Only a headline here", lines: ["First page body.", "Special notice"] },
      { lines: ["Second page body.", "Special notice"] },
      { lines: ["Third page body."] },
    ]);
    const pdf = await pdfToDoc(bytes, "x.pdf", { takeTitle: false });
    const text = canonicalText(pdf.doc);
    expect(text.startsWith("Only a headline here\n\nFirst page body.")).toBe(true);
    expect(text.match(/Special notice/g)).toHaveLength(2);
    expect(pdf.doc.content?.[0]).toMatchObject({ type: "heading" });
  });

  it("takes the title from the PDF's Title unless it is a file name", async () => {
    const lines = ["Ferry fares will stay the same this year, the operator said."];
    const titled = await parseArticleAsync({ filename: "a.pdf", content: base64(await makePdf([{ lines }], { title: "Ferry fares frozen" })) });
    expect(titled.guess.title).toBe("Ferry fares frozen");
    const fileNamed = await parseArticleAsync({ filename: "b.pdf", content: base64(await makePdf([{ lines }], { title: "Microsoft Word - fares draft3.docx" })) });
    expect(fileNamed.guess.title).toMatch(/^Ferry fares will stay the same/);
  });

  it("refuses a scanned PDF, an encrypted one and a file that only says it is one, naming content", async () => {
    const cases: [Uint8Array, RegExp, RegExp][] = [
      [await makePdf([{ imageOnly: true }, { imageOnly: true }]), /no text layer/, /OCR/],
      [makeEncryptedPdf(), /encrypted/, /password/],
      [new TextEncoder().encode("<html>not a pdf</html>"), /not a PDF/, /not a PDF/],
      [new TextEncoder().encode("%PDF-1.7\n1 0 obj garbage"), /not a readable PDF|no text layer/, /./],
    ];
    for (const [bytes, message, field] of cases) {
      const err = await parseArticleAsync({ filename: "doc.pdf", content: base64(bytes) }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).status).toBe(400);
      expect((err as DomainError).message).toMatch(message);
      expect((err as DomainError).fields.content).toMatch(field);
    }
  });

  it("refuses content that isn't base64, naming content", async () => {
    const err = (await parseArticleAsync({ format: "pdf", content: "not base64 at all!" }).catch((e: unknown) => e)) as DomainError;
    expect(err.status).toBe(400);
    expect(err.fields.content).toMatch(/base64/);
  });

  it("stores the article with its page starts and detected language; a bad PDF stores nothing", async () => {
    const { workspace: ws } = await makeWorkspace();
    const result = await importArticle({ workspaceId: ws.id, actorId: null, filename: "report.pdf", content: base64(await reportPdf()) });
    expect(result.status).toBe("created");
    const stored = await db.article.findUniqueOrThrow({ where: { id: result.article.id } });
    expect(stored.title).toBe("Bridge repairs report");
    expect(stored.language).toBe("en");
    expect(stored.pageStarts).toHaveLength(4);
    expect(stored.text.slice(stored.pageStarts[1])).toMatch(/^mation/);
    const before = await db.article.count({ where: { workspaceId: ws.id } });
    await expect(importArticle({ workspaceId: ws.id, actorId: null, filename: "enc.pdf", content: base64(makeEncryptedPdf()) })).rejects.toThrow(/encrypted/);
    expect(await db.article.count({ where: { workspaceId: ws.id } })).toBe(before);
  });

  it("moves page starts with an edit of the text, like highlights", () => {
    const old = "Page one text here.\n\nPage two starts here and goes on.\n\nPage three.";
    const starts = [0, old.indexOf("Page two"), old.indexOf("Page three")];
    const edited = "A new lead paragraph.\n\n" + old.replace("one text", "one longer text");
    const moved = movePageStarts(old, edited, starts);
    expect(moved[0]).toBe(0);
    expect(edited.slice(moved[1])).toMatch(/^Page two/);
    expect(edited.slice(moved[2])).toMatch(/^Page three/);
  });
});

describe("Word import", () => {
  it("keeps headings, paragraphs, lists, quotes and links; the Title becomes the title", async () => {
    const parsed = await parseArticleAsync({ filename: "release.docx", content: base64(await makeDocx()) });
    expect(parsed.guess.title).toBe("Harbour bridge to close for repairs");
    const types = (parsed.doc.content ?? []).map((n) => n.type);
    expect(types).toEqual(["paragraph", "heading", "bulletList", "blockquote", "paragraph"]);
    const json = JSON.stringify(parsed.doc);
    expect(json).toContain('"href":"https://council.example.org/bridge"');
    const text = canonicalText(parsed.doc);
    expect(text).toContain("Buses take the ring road.");
    expect(text).toContain("We will not raise fares this year.");
    expect(parsed.pageStarts).toBeUndefined();
  });

  it("an independent reader (mammoth's own HTML through jsdom) sees the same structure we keep", async () => {
    const mammoth = (await import("mammoth")).default;
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(await makeDocx()) })).value;
    const dom = new JSDOM(html).window.document;
    expect(dom.querySelectorAll("li")).toHaveLength(2);
    expect(dom.querySelector("a")?.getAttribute("href")).toBe("https://council.example.org/bridge");
  });

  it("refuses a .docx that isn't one: not a zip, and a zip without a Word document", async () => {
    const notZip = (await parseArticleAsync({ filename: "fake.docx", content: base64(new TextEncoder().encode("Just some text")) }).catch((e: unknown) => e)) as DomainError;
    expect(notZip.status).toBe(400);
    expect(notZip.message).toMatch(/not a Word document/);
    expect(notZip.fields.content).toMatch(/\.docx/);
    // A real zip (a minimal empty archive: end-of-central-directory only) with no word/document.xml.
    const emptyZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(26).fill(0), 0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
    const noDoc = (await parseArticleAsync({ filename: "empty.docx", content: base64(emptyZip) }).catch((e: unknown) => e)) as DomainError;
    expect(noDoc.status).toBe(400);
    expect(noDoc.fields.content).toMatch(/no Word document|damaged/);
    // A zip holding only a text file (a black-box tester's): said in our words, not the library's question.
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    zip.file("a.txt", "hello");
    const textZip = await zip.generateAsync({ type: "uint8array" });
    const onlyText = (await parseArticleAsync({ filename: "zip.docx", content: base64(textZip) }).catch((e: unknown) => e)) as DomainError;
    expect(onlyText.status).toBe(400);
    expect(onlyText.fields.content).toBe("This file is a zip archive but holds no Word document; open it in Word and save it as .docx.");
    expect(onlyText.fields.content).not.toMatch(/Are you sure/);
  });

  it("refuses a small .docx that unpacks to more than 20 MB, at once (a zip bomb held the server 100 s)", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("word/document.xml", "<w:document>" + "a".repeat(MAX_DOCX_UNPACKED_BYTES) + "</w:document>");
    const bomb = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(bomb.length).toBeLessThan(200_000);
    const started = Date.now();
    const err = (await parseArticleAsync({ filename: "bomb.docx", content: base64(bomb) }).catch((e: unknown) => e)) as DomainError;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/"bomb.docx" unpacks to more than 20 MB/);
    expect(err.fields.content).toMatch(/20 MB/);
  });
});

describe("bulk import from disk", () => {
  it("reads .pdf and .docx files next to text files; a broken one fails alone", async () => {
    const { workspace: ws } = await makeWorkspace();
    const dir = mkdtempSync(path.join(tmpdir(), "claimtrail-office-"));
    writeFileSync(path.join(dir, "a-report.pdf"), await reportPdf());
    writeFileSync(path.join(dir, "b-release.docx"), await makeDocx({ title: "A Word release", paragraphs: ["The ferry company said fares stay the same this year for everyone."] }));
    writeFileSync(path.join(dir, "c-scan.pdf"), await makePdf([{ imageOnly: true }]));
    const out: ImportOutcome[] = [];
    for await (const o of importPaths({ workspaceId: ws.id, actorId: null, paths: [dir] })) out.push(o);
    expect(out.map((o) => [path.basename(o.source), o.status])).toEqual([
      ["a-report.pdf", "created"],
      ["b-release.docx", "created"],
      ["c-scan.pdf", "failed"],
    ]);
    expect(out[1].article?.title).toBe("A Word release");
    expect(out[2].reason).toMatch(/no text layer/);
  });
});
