import { createHash } from "node:crypto";

/**
 * An article body is a tiptap (ProseMirror) JSON document. Everything that
 * points into an article (annotation offsets) points into its canonical text:
 * the text of each textblock (paragraph, heading), blocks joined by a blank
 * line, hard breaks as "\n". Offsets count UTF-16 code units, as JavaScript
 * strings do.
 */
export interface DocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

export const BLOCK_SEPARATOR = "\n\n";

const TEXTBLOCKS = new Set(["paragraph", "heading", "codeBlock"]);

/** The doc for plain text: one paragraph per blank-line-separated block. */
export function docFromParagraphs(paragraphs: string[]): DocNode {
  return {
    type: "doc",
    content: paragraphs.map((p) => ({ type: "paragraph", content: p ? [{ type: "text", text: p }] : [] })),
  };
}

function inlineText(node: DocNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(inlineText).join("");
}

function collectBlocks(node: DocNode, out: string[]): void {
  if (TEXTBLOCKS.has(node.type)) {
    out.push(inlineText(node));
    return;
  }
  for (const child of node.content ?? []) collectBlocks(child, out);
}

export function canonicalText(doc: DocNode): string {
  const blocks: string[] = [];
  collectBlocks(doc, blocks);
  return blocks.join(BLOCK_SEPARATOR);
}

export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
