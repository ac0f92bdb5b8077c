import { isTag, isText, type AnyNode, type Document, type Element } from "domhandler";
import { parseHtml } from "./html-to-doc";
import { runNow, type Steps } from "./steps";

/** What an HTML page says about itself, each field only when present. */
export interface HtmlMetadata {
  title?: string;
  h1?: string;
  author?: string;
  publisher?: string;
  publishedAt?: string;
  language?: string;
  url?: string;
}

/** Elements in document order, walked with a stack (no recursion, so no depth limit). */
function* elements(root: AnyNode): Generator<Element> {
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (isTag(node)) yield node;
    if ("children" in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}

function textOf(root: AnyNode): string {
  const out: string[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (isText(node)) out.push(node.data);
    if (!("children" in node)) continue;
    if (isTag(node) && ["script", "style", "template"].includes(node.name)) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return out.join("");
}

const clean = (v: string | undefined) => {
  const s = v?.replace(/\s+/g, " ").trim();
  return s || undefined;
};

/** <title>, first <h1>, author, og:site_name, article:published_time, <html lang>, canonical URL / og:url. */
export function htmlMetadata(html: string): HtmlMetadata {
  return runNow(
    (function* () {
      return yield* domMetadata(yield* parseHtml(html));
    })(),
  );
}

/** The same, read from a parsed page; yields every few hundred elements. */
export function* domMetadata(dom: Document): Steps<HtmlMetadata> {
  const meta: HtmlMetadata = {};
  const metas = new Map<string, string>();
  let canonical: string | undefined;
  let seen = 0;
  for (const el of elements(dom)) {
    if (++seen % 256 === 0) yield;
    const a = el.attribs;
    switch (el.name) {
      case "html":
        meta.language ??= clean(a.lang);
        break;
      case "title":
        meta.title ??= clean(textOf(el));
        break;
      case "h1":
        meta.h1 ??= clean(textOf(el));
        break;
      case "meta": {
        const key = (a.property ?? a.name ?? a.itemprop)?.toLowerCase();
        const content = clean(a.content);
        if (key && content && !metas.has(key)) metas.set(key, content);
        break;
      }
      case "link":
        if (a.rel?.toLowerCase().split(/\s+/).includes("canonical")) canonical ??= clean(a.href);
        break;
    }
  }
  meta.author = metas.get("author") ?? metas.get("article:author");
  meta.publisher = metas.get("og:site_name");
  meta.publishedAt = metas.get("article:published_time") ?? metas.get("datepublished");
  meta.url = canonical ?? metas.get("og:url");
  meta.title ??= metas.get("og:title");
  meta.language ??= metas.get("og:locale")?.replace("_", "-");
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as HtmlMetadata;
}
