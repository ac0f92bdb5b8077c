import { describe, expect, it } from "vitest";
import { canonicalText, type DocNode } from "../document";
import { markdownToDoc } from "./markdown";

const text = (t: string, marks?: DocNode["marks"]): DocNode => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
const p = (...content: DocNode[]): DocNode => ({ type: "paragraph", content });
const item = (...content: DocNode[]): DocNode => ({ type: "listItem", content });

describe("Markdown to the document model", () => {
  it("maps headings, paragraphs, emphasis, links, lists, quotes and code to the same structure as HTML", () => {
    const doc = markdownToDoc(
      [
        "# Title",
        "",
        "A paragraph with **bold**, _italic_ and [a link](https://ex.org/x).",
        "Its second line joins it.",
        "",
        "Hard break at the end  ",
        "of this line.",
        "",
        "## Section",
        "##### Deep",
        "",
        "- one",
        "- two",
        "  - nested",
        "",
        "3. three",
        "4. four",
        "",
        "> quoted",
        "",
        "```",
        "code  kept",
        "  indented",
        "```",
      ].join("\n"),
    );
    expect(doc.content).toEqual([
      { type: "heading", attrs: { level: 1 }, content: [text("Title")] },
      p(text("A paragraph with "), text("bold", [{ type: "bold" }]), text(", "), text("italic", [{ type: "italic" }]), text(" and "), text("a link", [{ type: "link", attrs: { href: "https://ex.org/x" } }]), text(". Its second line joins it.")),
      p(text("Hard break at the end"), { type: "hardBreak" }, text("of this line.")),
      { type: "heading", attrs: { level: 2 }, content: [text("Section")] },
      { type: "heading", attrs: { level: 3 }, content: [text("Deep")] },
      { type: "bulletList", content: [item(p(text("one"))), item(p(text("two")), { type: "bulletList", content: [item(p(text("nested")))] })] },
      { type: "orderedList", attrs: { start: 3 }, content: [item(p(text("three"))), item(p(text("four")))] },
      { type: "blockquote", content: [p(text("quoted"))] },
      p(text("code  kept"), { type: "hardBreak" }, text("  indented")),
    ]);
  });

  it("sanitises raw HTML and unsafe links inside Markdown", () => {
    const doc = markdownToDoc('Text <script>alert(1)</script><span onclick="x()">span</span>\n\n[bad](javascript:alert(1)) <iframe src="https://evil.example"></iframe>\n\n<style>p{}</style>end');
    expect(canonicalText(doc)).toBe("Text span\n\nbad\n\nend");
    expect(JSON.stringify(doc)).not.toMatch(/javascript|alert|onclick|iframe|"link"/);
  });
});
