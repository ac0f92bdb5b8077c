import { parseDocument } from "htmlparser2";
import { isTag, isText, type AnyNode, type Element } from "domhandler";

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

function* elements(node: AnyNode): Generator<Element> {
  if (isTag(node)) yield node;
  if ("children" in node) for (const child of node.children) yield* elements(child);
}

function textOf(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!("children" in node)) return "";
  if (isTag(node) && ["script", "style", "template"].includes(node.name)) return "";
  return node.children.map(textOf).join("");
}

const clean = (v: string | undefined) => {
  const s = v?.replace(/\s+/g, " ").trim();
  return s || undefined;
};

/** <title>, first <h1>, author, og:site_name, article:published_time, <html lang>, canonical URL / og:url. */
export function htmlMetadata(html: string): HtmlMetadata {
  const meta: HtmlMetadata = {};
  const metas = new Map<string, string>();
  let canonical: string | undefined;
  for (const el of elements(parseDocument(html))) {
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
