import { Parser } from "htmlparser2";
import { DomHandler, isTag, isText, type ChildNode, type Document, type Element } from "domhandler";
import type { DocNode } from "../document";
import { MAX_DOC_DEPTH } from "../safe-text";
import { limitNesting } from "./html-depth";
import { CONTAINER_TAGS, DROPPED_WITH_CONTENT, SAFE_HREF } from "./sanitize";
import { runCooperatively, runNow, type Steps } from "./steps";

/**
 * HTML to the article document model (tiptap StarterKit names): paragraph,
 * heading (levels 1–3), bulletList, orderedList, listItem, blockquote,
 * hardBreak, text with the marks bold, italic and link. Only these are ever
 * produced (an allowlist): scripts, styles, frames, forms and the like are
 * dropped with their content, other elements keep only their text, and links
 * only http(s) and mailto targets. Whitespace in normal flow collapses as a
 * browser renders it.
 *
 * Bounded whatever the input: elements nested past MAX_HTML_DEPTH are
 * flattened before parsing (html-depth.ts), and quotes and lists nested past
 * what MAX_DOC_DEPTH allows become plain paragraphs of their container.
 */
export function htmlToDoc(html: string, opts: { baseUrl?: string | null } = {}): DocNode {
  return runNow(htmlToDocSteps(html, opts));
}

/** The same, giving the event loop back every few milliseconds (for imports of up to 5 MB). */
export function htmlToDocAsync(html: string, opts: { baseUrl?: string | null } = {}): Promise<DocNode> {
  return runCooperatively(htmlToDocSteps(html, opts));
}

export function* htmlToDocSteps(html: string, opts: { baseUrl?: string | null } = {}): Steps<DocNode> {
  return yield* domToDoc(yield* parseHtml(html), opts);
}

const CHUNK = 16 * 1024;

/** The DOM of a page (htmlparser2, as parseDocument builds it), its nesting limited first, parsed a chunk at a time. */
export function* parseHtml(html: string): Steps<Document> {
  const limited = yield* limitNesting(html);
  const handler = new DomHandler();
  const parser = new Parser(handler);
  for (let i = 0; i < limited.length; i += CHUNK) {
    parser.write(limited.slice(i, i + CHUNK));
    yield;
  }
  parser.end();
  return handler.root;
}

export function* domToDoc(dom: Document, opts: { baseUrl?: string | null } = {}): Steps<DocNode> {
  const root = new Blocks();
  yield* walkChildren(dom.children, root, { marks: [], textblock: PARAGRAPH, baseUrl: opts.baseUrl ?? null, depth: 1, visited: { n: 0 } });
  return { type: "doc", content: root.finish() };
}

type Mark = NonNullable<DocNode["marks"]>[number];
type Inline = { kind: "text"; text: string; marks: Mark[]; pre: boolean } | { kind: "break" };
type Textblock = { type: "paragraph" | "heading"; attrs?: Record<string, unknown> };

const PARAGRAPH: Textblock = { type: "paragraph" };
const CONTAINERS = new Set<string>(CONTAINER_TAGS);
const DROPPED = new Set<string>(DROPPED_WITH_CONTENT);
const HEADING_LEVEL: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 3, h5: 3, h6: 3 };
/** Room a textblock needs below its container: the block and its text. */
const TEXTBLOCK_DEPTH = 2;
/** Nodes visited between chances to yield. */
const YIELD_EVERY = 256;

interface WalkState {
  marks: Mark[];
  textblock: Textblock;
  baseUrl: string | null;
  /** Depth of the container being filled (the doc is 1). */
  depth: number;
  visited: { n: number };
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

function* walkChildren(nodes: ChildNode[], into: Blocks, state: WalkState): Steps<void> {
  for (const node of nodes) {
    if (++state.visited.n % YIELD_EVERY === 0) yield;
    yield* walk(node, into, state);
  }
}

function* walk(node: ChildNode, into: Blocks, state: WalkState): Steps<void> {
  if (isText(node)) {
    if (node.data) into.push({ kind: "text", text: node.data, marks: state.marks, pre: false });
    return;
  }
  if (!isTag(node)) return;
  const tag = node.name.toLowerCase();
  if (DROPPED.has(tag)) return;
  if (tag === "br") return into.push({ kind: "break" });
  if (tag in HEADING_LEVEL) return yield* block(node, into, { ...state, textblock: { type: "heading", attrs: { level: HEADING_LEVEL[tag] } } });
  if (tag === "p" || CONTAINERS.has(tag)) return yield* block(node, into, state);
  if (tag === "pre") {
    into.flush(state.textblock);
    preformatted(node, into, state);
    into.flush(PARAGRAPH);
    return;
  }
  if (tag === "blockquote") {
    // Too deep for another level: the quote's content joins its container.
    if (state.depth + 1 + TEXTBLOCK_DEPTH > MAX_DOC_DEPTH) return yield* block(node, into, state);
    into.flush(state.textblock);
    const inner = yield* nested(node, { ...state, textblock: PARAGRAPH, depth: state.depth + 1 });
    if (inner.length) into.add({ type: "blockquote", content: inner });
    return;
  }
  if (tag === "ul" || tag === "ol") {
    if (state.depth + 2 + TEXTBLOCK_DEPTH > MAX_DOC_DEPTH) return yield* block(node, into, state);
    return yield* list(node, into, state, tag);
  }
  if (tag === "li") {
    // A list item outside a list: its content as blocks of the container.
    return yield* block(node, into, state);
  }
  yield* walkChildren(node.children, into, { ...state, marks: withMark(state.marks, markFor(node, state)) });
}

/** A block element: ends the inline run before it, and its own run at its end. */
function* block(node: Element, into: Blocks, state: WalkState): Steps<void> {
  into.flush(state.textblock);
  yield* walkChildren(node.children, into, state);
  into.flush(state.textblock);
}

function* nested(node: Element, state: WalkState): Steps<DocNode[]> {
  const inner = new Blocks();
  yield* walkChildren(node.children, inner, state);
  inner.flush(state.textblock);
  return inner.blocks;
}

function* list(node: Element, into: Blocks, state: WalkState, tag: "ul" | "ol"): Steps<void> {
  into.flush(state.textblock);
  const items: DocNode[] = [];
  const itemState = { ...state, textblock: PARAGRAPH, depth: state.depth + 2 };
  let stray: ChildNode[] = [];
  function* addItem(children: ChildNode[]): Steps<void> {
    const inner = new Blocks();
    yield* walkChildren(children, inner, itemState);
    inner.flush(PARAGRAPH);
    // StarterKit's listItem holds "paragraph block*": headings inside become paragraphs.
    const content = inner.blocks.map((b) => (b.type === "heading" ? { type: "paragraph", content: b.content } : b));
    if (content.length) items.push({ type: "listItem", content });
  }
  for (const child of node.children) {
    if (isTag(child) && child.name.toLowerCase() === "li") {
      if (stray.length) yield* addItem(stray);
      stray = [];
      yield* addItem(child.children);
    } else {
      stray.push(child);
    }
  }
  if (stray.length) yield* addItem(stray);
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
      if (DROPPED.has(n.name.toLowerCase())) return;
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
