import { parseDocument } from "htmlparser2";
import { isTag, isText, type ChildNode, type Element } from "domhandler";
import type { DocNode } from "../document";
import { CONTAINER_TAGS, SAFE_HREF, sanitize } from "./sanitize";

/**
 * HTML to the article document model (tiptap StarterKit names): paragraph,
 * heading (levels 1–3), bulletList, orderedList, listItem, blockquote,
 * hardBreak, text with the marks bold, italic and link. The HTML is sanitised
 * first; whitespace in normal flow collapses as a browser renders it.
 */
export function htmlToDoc(html: string, opts: { baseUrl?: string | null } = {}): DocNode {
  const dom = parseDocument(sanitize(html));
  const root = new Blocks();
  walkChildren(dom.children, root, { marks: [], textblock: PARAGRAPH, baseUrl: opts.baseUrl ?? null });
  return { type: "doc", content: root.finish() };
}

type Mark = NonNullable<DocNode["marks"]>[number];
type Inline = { kind: "text"; text: string; marks: Mark[]; pre: boolean } | { kind: "break" };
type Textblock = { type: "paragraph" | "heading"; attrs?: Record<string, unknown> };

const PARAGRAPH: Textblock = { type: "paragraph" };
const CONTAINERS = new Set<string>(CONTAINER_TAGS);
const HEADING_LEVEL: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 3, h5: 3, h6: 3 };

interface WalkState {
  marks: Mark[];
  textblock: Textblock;
  baseUrl: string | null;
}

/** The blocks of one container (the doc, a blockquote, a list item) and its pending inline run. */
class Blocks {
  readonly blocks: DocNode[] = [];
  private inline: Inline[] = [];

  push(item: Inline) {
    this.inline.push(item);
  }

  add(block: DocNode) {
    this.blocks.push(block);
  }

  /** Ends the pending inline run as a textblock; dropped when it holds no text. */
  flush(textblock: Textblock) {
    const content = collapse(this.inline);
    this.inline = [];
    if (!content.some((n) => n.type === "text" && n.text?.trim())) return;
    this.blocks.push({ type: textblock.type, ...(textblock.attrs ? { attrs: textblock.attrs } : {}), content });
  }

  finish(): DocNode[] {
    this.flush(PARAGRAPH);
    return this.blocks;
  }
}

function walkChildren(nodes: ChildNode[], into: Blocks, state: WalkState) {
  for (const node of nodes) walk(node, into, state);
}

function walk(node: ChildNode, into: Blocks, state: WalkState) {
  if (isText(node)) {
    if (node.data) into.push({ kind: "text", text: node.data, marks: state.marks, pre: false });
    return;
  }
  if (!isTag(node)) return;
  const tag = node.name.toLowerCase();
  if (tag === "br") return into.push({ kind: "break" });
  if (tag in HEADING_LEVEL) return block(node, into, { ...state, textblock: { type: "heading", attrs: { level: HEADING_LEVEL[tag] } } });
  if (tag === "p" || CONTAINERS.has(tag)) return block(node, into, state);
  if (tag === "pre") {
    into.flush(state.textblock);
    preformatted(node, into, state);
    into.flush(PARAGRAPH);
    return;
  }
  if (tag === "blockquote") {
    into.flush(state.textblock);
    const inner = nested(node, { ...state, textblock: PARAGRAPH });
    if (inner.length) into.add({ type: "blockquote", content: inner });
    return;
  }
  if (tag === "ul" || tag === "ol") return list(node, into, state, tag);
  if (tag === "li") {
    // A list item outside a list: its content as blocks of the container.
    return block(node, into, state);
  }
  walkChildren(node.children, into, { ...state, marks: withMark(state.marks, markFor(node, state)) });
}

/** A block element: ends the inline run before it, and its own run at its end. */
function block(node: Element, into: Blocks, state: WalkState) {
  into.flush(state.textblock);
  walkChildren(node.children, into, state);
  into.flush(state.textblock);
}

function nested(node: Element, state: WalkState): DocNode[] {
  const inner = new Blocks();
  walkChildren(node.children, inner, state);
  inner.flush(state.textblock);
  return inner.blocks;
}

function list(node: Element, into: Blocks, state: WalkState, tag: "ul" | "ol") {
  into.flush(state.textblock);
  const items: DocNode[] = [];
  const itemState = { ...state, textblock: PARAGRAPH };
  let stray: ChildNode[] = [];
  const addItem = (children: ChildNode[]) => {
    const inner = new Blocks();
    walkChildren(children, inner, itemState);
    inner.flush(PARAGRAPH);
    // StarterKit's listItem holds "paragraph block*": headings inside become paragraphs.
    const content = inner.blocks.map((b) => (b.type === "heading" ? { type: "paragraph", content: b.content } : b));
    if (content.length) items.push({ type: "listItem", content });
  };
  for (const child of node.children) {
    if (isTag(child) && child.name.toLowerCase() === "li") {
      if (stray.length) addItem(stray);
      stray = [];
      addItem(child.children);
    } else {
      stray.push(child);
    }
  }
  if (stray.length) addItem(stray);
  if (!items.length) return;
  if (tag === "ul") {
    into.add({ type: "bulletList", content: items });
  } else {
    const start = Number.parseInt(node.attribs.start ?? "", 10);
    into.add({ type: "orderedList", attrs: { start: Number.isFinite(start) ? start : 1 }, content: items });
  }
}

/** <pre>: whitespace kept as is, newlines as hard breaks, the newline right after <pre> dropped (as browsers do). */
function preformatted(node: Element, into: Blocks, state: WalkState) {
  const items: Inline[] = [];
  let first = true;
  const visit = (n: ChildNode, marks: Mark[]) => {
    if (isText(n)) {
      let data = n.data.replace(/\r\n?/g, "\n");
      if (first) data = data.replace(/^\n/, "");
      first = false;
      data.split("\n").forEach((line, i) => {
        if (i > 0) items.push({ kind: "break" });
        if (line) items.push({ kind: "text", text: line, marks, pre: true });
      });
    } else if (isTag(n)) {
      first = false;
      if (n.name.toLowerCase() === "br") {
        items.push({ kind: "break" });
        return;
      }
      const next = withMark(marks, markFor(n, state));
      for (const c of n.children) visit(c, next);
    }
  };
  for (const c of node.children) visit(c, state.marks);
  for (const item of items) into.push(item);
}

function markFor(node: Element, state: WalkState): Mark | null {
  switch (node.name.toLowerCase()) {
    case "b":
    case "strong":
      return { type: "bold" };
    case "i":
    case "em":
      return { type: "italic" };
    case "a": {
      const href = safeHref(node.attribs.href, state.baseUrl);
      return href ? { type: "link", attrs: { href } } : null;
    }
    default:
      return null;
  }
}

/** http(s) and mailto links only; a relative href is resolved against the page's URL when known. */
export function safeHref(raw: string | undefined, baseUrl: string | null): string | null {
  const href = raw?.trim();
  if (!href) return null;
  if (SAFE_HREF.test(href)) return href;
  if (!baseUrl || /^[a-z][a-z0-9+.-]*:/i.test(href)) return null;
  try {
    const resolved = new URL(href, baseUrl).toString();
    return /^https?:/i.test(resolved) ? resolved : null;
  } catch {
    return null;
  }
}

const MARK_ORDER = ["bold", "italic", "link"];

function withMark(marks: Mark[], mark: Mark | null): Mark[] {
  if (!mark) return marks;
  const others = marks.filter((m) => m.type !== mark.type);
  return [...others, mark].sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type));
}

const sameMarks = (a: Mark[], b: Mark[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * An inline run as a browser lays it out: runs of ASCII whitespace become one
 * space, and spaces at the start or end of a line (block edges, around hard
 * breaks) disappear. Non-breaking spaces and <pre> text are kept.
 */
function collapse(items: Inline[]): DocNode[] {
  const runs: Inline[] = [];
  let atLineStart = true;
  for (const item of items) {
    if (item.kind === "break") {
      trimLineEnd(runs);
      runs.push(item);
      atLineStart = true;
      continue;
    }
    let text = item.pre ? item.text : item.text.replace(/[ \t\n\r\f]+/g, " ");
    if (!item.pre && atLineStart) text = text.replace(/^ /, "");
    if (!text) continue;
    runs.push({ ...item, text });
    atLineStart = !item.pre && text.endsWith(" ");
  }
  trimLineEnd(runs);
  while (runs.length && runs[0].kind === "break") runs.shift();
  while (runs.length && runs[runs.length - 1].kind === "break") runs.pop();

  const out: DocNode[] = [];
  for (const run of runs) {
    if (run.kind === "break") {
      out.push({ type: "hardBreak" });
      continue;
    }
    const last = out[out.length - 1];
    if (last?.type === "text" && sameMarks(last.marks ?? [], run.marks)) {
      last.text += run.text;
    } else {
      out.push({ type: "text", text: run.text, ...(run.marks.length ? { marks: run.marks } : {}) });
    }
  }
  return out;
}

function trimLineEnd(runs: Inline[]) {
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i];
    if (run.kind === "break" || run.pre) return;
    const trimmed = run.text.replace(/ $/, "");
    if (trimmed) {
      runs[i] = { ...run, text: trimmed };
      return;
    }
    runs.splice(i, 1);
  }
}
