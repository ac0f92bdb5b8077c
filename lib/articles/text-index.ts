import type { Node as PMNode } from "@tiptap/pm/model";

/**
 * Maps between ProseMirror positions and offsets into the canonical text
 * (lib/articles/document.ts): textblocks in order, joined by a blank line,
 * hard breaks as "\n". Both count UTF-16 code units, so inside one textblock
 * the mapping is a plain shift.
 */
interface Block {
  /** ProseMirror position of the block's first content position. */
  pmStart: number;
  textStart: number;
  length: number;
}

export const SEPARATOR_LENGTH = 2;

export interface TextIndex {
  text: string;
  toText(pos: number): number;
  toDoc(offset: number): number;
}

function inlineText(node: PMNode): string {
  let out = "";
  node.forEach((child) => {
    if (child.isText) out += child.text ?? "";
    else if (child.type.name === "hardBreak") out += "\n";
    else out += inlineText(child);
  });
  return out;
}

export function buildTextIndex(doc: PMNode): TextIndex {
  const blocks: Block[] = [];
  const parts: string[] = [];
  let textStart = 0;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const text = inlineText(node);
    if (blocks.length) textStart += SEPARATOR_LENGTH;
    blocks.push({ pmStart: pos + 1, textStart, length: text.length });
    parts.push(text);
    textStart += text.length;
    return false;
  });
  const text = parts.join("\n\n");

  function blockForPos(pos: number): Block {
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blocks[mid].pmStart <= pos) lo = mid;
      else hi = mid - 1;
    }
    return blocks[lo];
  }

  function blockForOffset(offset: number): Block {
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blocks[mid].textStart <= offset) lo = mid;
      else hi = mid - 1;
    }
    return blocks[lo];
  }

  return {
    text,
    toText(pos) {
      if (!blocks.length) return 0;
      const block = blockForPos(pos);
      return block.textStart + Math.max(0, Math.min(block.length, pos - block.pmStart));
    },
    toDoc(offset) {
      if (!blocks.length) return 0;
      const block = blockForOffset(offset);
      // Offsets inside a separator belong to the end of the block before it.
      return block.pmStart + Math.min(block.length, offset - block.textStart);
    },
  };
}
