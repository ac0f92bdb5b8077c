import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BLOCK_SEPARATOR, canonicalText, contentHash, docFromParagraphs, type DocNode } from "./document";

const text = (t: string, marks?: DocNode["marks"]): DocNode => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
const p = (...content: DocNode[]): DocNode => ({ type: "paragraph", content });
const doc = (...content: DocNode[]): DocNode => ({ type: "doc", content });

describe("canonicalText", () => {
  it("joins textblocks with a blank line", () => {
    expect(BLOCK_SEPARATOR).toBe("\n\n");
    expect(canonicalText(doc(p(text("One.")), { type: "heading", attrs: { level: 2 }, content: [text("Two")] }, p(text("Three."))))).toBe(
      "One.\n\nTwo\n\nThree.",
    );
  });

  it("renders a hard break as a single newline inside its block", () => {
    expect(canonicalText(doc(p(text("line one"), { type: "hardBreak" }, text("line two")), p(text("next"))))).toBe("line one\nline two\n\nnext");
  });

  it("concatenates marked text runs without separators", () => {
    expect(canonicalText(doc(p(text("plain "), text("bold", [{ type: "bold" }]), text(" and "), text("link", [{ type: "link", attrs: { href: "x" } }]))))).toBe(
      "plain bold and link",
    );
  });

  it("flattens nested blocks (blockquote, list items) in document order", () => {
    const d = doc(
      p(text("Intro")),
      { type: "blockquote", content: [p(text("Quoted one")), p(text("Quoted two"))] },
      {
        type: "bulletList",
        content: [
          { type: "listItem", content: [p(text("Item A")), { type: "orderedList", content: [{ type: "listItem", content: [p(text("A.1"))] }] }] },
          { type: "listItem", content: [p(text("Item B"))] },
        ],
      },
      { type: "codeBlock", content: [text("x = 1\ny = 2")] },
      p(text("Outro")),
    );
    expect(canonicalText(d)).toBe(["Intro", "Quoted one", "Quoted two", "Item A", "A.1", "Item B", "x = 1\ny = 2", "Outro"].join("\n\n"));
  });

  it("keeps empty paragraphs as empty blocks, so offsets stay stable", () => {
    expect(canonicalText(docFromParagraphs(["a", "", "b"]))).toBe("a\n\n\n\nb");
    expect(canonicalText(doc())).toBe("");
  });

  it("ignores non-text leaves such as horizontal rules and images", () => {
    expect(canonicalText(doc(p(text("a")), { type: "horizontalRule" }, { type: "image", attrs: { src: "x" } }, p(text("b"))))).toBe("a\n\nb");
  });

  it("offsets count UTF-16 code units, as JavaScript strings do", () => {
    const t = canonicalText(docFromParagraphs(["🙂 café", "naïve"]));
    // The emoji is 2 code units; "é" is precomposed (1 unit).
    expect(t.length).toBe(2 + 1 + 4 + 2 + 5);
    expect(t.indexOf("naïve")).toBe(9);
    expect(t.slice(3, 7)).toBe("café");
  });

  it("docFromParagraphs round-trips plain paragraphs", () => {
    const paragraphs = ["First paragraph.", "Second, with “quotes” — and dashes."];
    expect(canonicalText(docFromParagraphs(paragraphs))).toBe(paragraphs.join("\n\n"));
  });
});

describe("contentHash", () => {
  it("is the hex SHA-256 of the UTF-8 text", () => {
    expect(contentHash("café")).toBe(createHash("sha256").update(Buffer.from("café", "utf8")).digest("hex"));
    expect(contentHash("a")).not.toBe(contentHash("a "));
  });
});
