import { getSchema } from "@tiptap/core";
import { Node as PMNode } from "@tiptap/pm/model";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { articleExtensions } from "@/components/reader/schema-extensions";
import { canonicalText, type DocNode } from "./document";
import { buildTextIndex } from "./text-index";

const schema = getSchema(articleExtensions({ openLinks: false }));
const toPM = (doc: DocNode) => PMNode.fromJSON(schema, doc);

const text = (t: string): DocNode => ({ type: "text", text: t });
const para = (...content: DocNode[]): DocNode => ({ type: "paragraph", content });

const SAMPLE: DocNode = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [text("Заголовок 🇺🇦")] },
    para(text("Line one"), { type: "hardBreak" }, { type: "text", text: "bold", marks: [{ type: "bold" }] }, text(" — “quoted”")),
    { type: "bulletList", content: [{ type: "listItem", content: [para(text("• first"))] }, { type: "listItem", content: [para(text("second שלום"))] }] },
    { type: "blockquote", content: [para(text("e\u0301tude"))] },
  ],
};

describe("text index", () => {
  it("derives exactly the server's canonical text from the editor's document", () => {
    expect(buildTextIndex(toPM(SAMPLE)).text).toBe(canonicalText(SAMPLE));
  });

  it("maps every offset inside a block to a document position and back", () => {
    const index = buildTextIndex(toPM(SAMPLE));
    const doc = toPM(SAMPLE);
    for (let offset = 0; offset <= index.text.length; offset++) {
      // The middle of a block separator has no position of its own.
      if (offset > 0 && index.text.slice(offset - 1, offset + 1) === "\n\n") continue;
      const pos = index.toDoc(offset);
      expect(index.toText(pos)).toBe(offset);
      if (offset < index.text.length && index.text[offset] !== "\n") {
        expect(doc.textBetween(pos, pos + 1, "\n", "\n")).toBe(index.text[offset]);
      }
    }
  });

  // For any document of paragraphs and hard breaks, the client's text equals the server's and round-trips.
  it("agrees with canonicalText on random documents", () => {
    const inline = fc.oneof(
      fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom("a", "b", " ", "é", "😀", "ж", "ש", "\u0301", "—") }).map(text),
      fc.constant<DocNode>({ type: "hardBreak" }),
    );
    const paragraph = fc.array(inline, { maxLength: 5 }).map((content) => para(...content));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 6 }), (paragraphs) => {
        const doc: DocNode = { type: "doc", content: paragraphs };
        const pm = toPM(doc);
        const index = buildTextIndex(pm);
        expect(index.text).toBe(canonicalText(JSON.parse(JSON.stringify(pm.toJSON())) as DocNode));
        expect(index.text).toBe(canonicalText(doc));
      }),
      { numRuns: 200 },
    );
  });
});
