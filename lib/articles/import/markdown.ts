import { Marked } from "marked";
import type { DocNode } from "../document";
import { htmlToDoc } from "./html-to-doc";

const marked = new Marked({ gfm: true, async: false });

/** Markdown to HTML with `marked`, then the same sanitise-and-convert path as HTML. */
export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}

export function markdownToDoc(markdown: string): DocNode {
  return htmlToDoc(markdownToHtml(markdown));
}
