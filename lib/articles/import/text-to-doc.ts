import type { DocNode } from "../document";

/**
 * Plain text as paragraphs of lines: paragraphs are separated by blank lines
 * (whitespace-only lines count as blank); line endings become "\n". Nothing
 * else is changed except whitespace at the very start and end of a paragraph.
 * A text with several lines and no blank line at all puts one paragraph on
 * each line (news copy often comes that way), so each line is its own paragraph.
 */
export function textParagraphs(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const blank = (line: string) => /^\s*$/.test(line);
  const first = lines.findIndex((line) => !blank(line));
  const last = lines.findLastIndex((line) => !blank(line));
  const body = first < 0 ? [] : lines.slice(first, last + 1);
  if (body.length > 1 && !body.some(blank)) return body.map((line) => trimParagraph([line]));
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (/^\s*$/.test(line)) {
      if (current.length) paragraphs.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) paragraphs.push(current);
  return paragraphs.map(trimParagraph).filter((p) => p.length > 0);
}

function trimParagraph(lines: string[]): string[] {
  const out = [...lines];
  while (out.length && !out[0].trim()) out.shift();
  while (out.length && !out[out.length - 1].trim()) out.pop();
  if (!out.length) return out;
  out[0] = out[0].trimStart();
  out[out.length - 1] = out[out.length - 1].trimEnd();
  return out;
}

/** One paragraph per group of lines; a single newline inside one is a hard break. */
export function docFromLines(paragraphs: string[][]): DocNode {
  return {
    type: "doc",
    content: paragraphs.map((lines) => ({
      type: "paragraph",
      content: lines.flatMap((line, i): DocNode[] => (i === 0 ? [{ type: "text", text: line }] : [{ type: "hardBreak" }, { type: "text", text: line }])),
    })),
  };
}
