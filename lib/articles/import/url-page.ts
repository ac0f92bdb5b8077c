import { said } from "@/lib/errors";
import { UrlImportError } from "./fetch-url";
import { pageFactsOf, PageTooComplex, PageUnreadable, readDomInThread, readDomOffThread, type DomRead } from "./page-worker";

/** What a fetched page says about the article, each field only when found. */
export interface PageMetadata {
  title?: string;
  publisher?: string;
  /** Authors joined with ", ". */
  author?: string;
  /** ISO 8601 as the page gives it. */
  publishedAt?: string;
  modifiedAt?: string;
  language?: string;
  canonicalUrl?: string;
  /** Set when the page's JSON-LD says it is not free to read (a paywall). */
  paywalled?: boolean;
}

export interface ReadPage {
  metadata: PageMetadata;
  /** The article body as HTML, as the readability library found it (sanitised later by the import path). */
  content: string;
  /** Its text, for a preview. */
  text: string;
}

type Json = unknown;
type Node = Record<string, Json>;

const ARTICLE_TYPES = /^(?:schema:|https?:\/\/schema\.org\/)?(?:\w*Article|BlogPosting|Report|LiveBlogPosting|SocialMediaPosting|WebPage)$/;

const clean = (v: unknown): string | undefined => {
  if (typeof v !== "string") return undefined;
  const s = v.replace(/\s+/g, " ").trim();
  return s || undefined;
};

const asArray = (v: Json): Json[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const isNode = (v: Json): v is Node => !!v && typeof v === "object" && !Array.isArray(v);

/** Every object in a JSON-LD block: top-level arrays and @graph flattened, nested objects included (bounded, so hostile pages can't make it spin). */
function jsonLdNodes(blocks: Json[]): Node[] {
  const out: Node[] = [];
  const stack: { v: Json; depth: number }[] = blocks.map((v) => ({ v, depth: 0 }));
  while (stack.length && out.length < 1000) {
    const { v, depth } = stack.shift()!;
    if (depth > 8) continue;
    if (Array.isArray(v)) stack.push(...v.slice(0, 200).map((x) => ({ v: x, depth: depth + 1 })));
    else if (isNode(v)) {
      out.push(v);
      for (const value of Object.values(v)) if (value && typeof value === "object") stack.push({ v: value, depth: depth + 1 });
    }
  }
  return out;
}

const types = (n: Node) => asArray(n["@type"]).filter((t): t is string => typeof t === "string");

/** A name from a string, an object with `name`, or a list of either. */
function names(v: Json): string[] {
  return asArray(v)
    .map((x) => (isNode(x) ? clean(x.name) : clean(x)))
    .filter((x): x is string => !!x);
}

function idOrUrl(v: Json): string | undefined {
  for (const x of asArray(v)) {
    const s = isNode(x) ? (clean(x["@id"]) ?? clean(x.url)) : clean(x);
    if (s && /^https?:\/\//i.test(s)) return s;
  }
  return undefined;
}

/**
 * What metadata is read from, taken from the page's DOM in one pass by plain
 * code that runs in the worker (page-worker.ts) next to Readability: strings
 * only, so nothing but this crosses the thread boundary.
 */
export interface PageFacts {
  /** The text of each `<script type="application/ld+json">`. */
  jsonLd: string[];
  /** `<meta>` elements as [property/name/itemprop lowercased, content], in page order. */
  metas: [string, string][];
  canonical: string | null;
  time: string | null;
  h1: string | null;
  title: string | null;
  lang: string | null;
}

function fromJsonLd(facts: PageFacts): PageMetadata {
  const blocks: Json[] = [];
  for (const text of facts.jsonLd) {
    try {
      blocks.push(JSON.parse(text));
    } catch {
      // A broken block is ignored; the other sources still count.
    }
  }
  const nodes = jsonLdNodes(blocks);
  // Most specific first: a news article over a generic article over the web page around it.
  const rank = (n: Node) => {
    const t = types(n).map((x) => x.replace(/^.*[/:]/, ""));
    if (t.some((x) => /NewsArticle$/.test(x))) return 0;
    if (t.some((x) => x !== "WebPage" && ARTICLE_TYPES.test(x))) return 1;
    if (t.includes("WebPage")) return 2;
    return 9;
  };
  const article = nodes.filter((n) => rank(n) < 9).sort((a, b) => rank(a) - rank(b))[0];
  if (!article) return {};
  const authors = [...new Set(names(article.author ?? article.creator))];
  const language = asArray(article.inLanguage).map((x) => (isNode(x) ? (clean(x.alternateName) ?? clean(x.name)) : clean(x)))[0];
  return {
    title: clean(asArray(article.headline)[0]) ?? clean(asArray(article.name)[0]),
    publisher: names(article.publisher)[0] ?? names(article.sourceOrganization)[0],
    author: authors.length ? authors.join(", ") : undefined,
    publishedAt: clean(asArray(article.datePublished)[0]) ?? clean(asArray(article.dateCreated)[0]),
    modifiedAt: clean(asArray(article.dateModified)[0]),
    language,
    canonicalUrl: idOrUrl(article.url) ?? idOrUrl(article.mainEntityOfPage),
    paywalled: article.isAccessibleForFree === false || article.isAccessibleForFree === "False" || article.isAccessibleForFree === "false" ? true : undefined,
  };
}

function fromMeta(facts: PageFacts): PageMetadata {
  const metas = new Map<string, string>();
  for (const [key, raw] of facts.metas) {
    const content = clean(raw);
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  const canonical = clean(facts.canonical);
  const first = (...keys: string[]) => keys.map((k) => metas.get(k)).find(Boolean);
  const authorMeta = first("author", "article:author", "twitter:creator", "dc.creator", "sailthru.author");
  return {
    title: first("og:title", "twitter:title", "dc.title", "headline") ?? clean(facts.h1) ?? clean(facts.title),
    publisher: first("og:site_name", "application-name", "dc.publisher", "publisher"),
    // article:author is often a profile URL, not a name.
    author: authorMeta && !/^https?:\/\//i.test(authorMeta) ? authorMeta : undefined,
    publishedAt: first("article:published_time", "datepublished", "date", "dc.date", "pubdate", "publish-date") ?? clean(facts.time),
    modifiedAt: first("article:modified_time", "og:updated_time", "datemodified", "last-modified"),
    language: clean(facts.lang) ?? first("og:locale", "language", "content-language", "dc.language")?.replace("_", "-"),
    canonicalUrl: canonical ?? first("og:url", "twitter:url"),
  };
}

/** Relative canonical URLs resolve against the page; anything not http(s) is dropped. */
function absolute(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** JSON-LD first, then OpenGraph/Twitter and other <meta>, then the document itself: the first source that has a field wins it. */
export function metadataFromFacts(facts: PageFacts, pageUrl: string): PageMetadata {
  const sources = [fromJsonLd(facts), fromMeta(facts)];
  const pick = <K extends keyof PageMetadata>(key: K) => sources.map((s) => s[key]).find((v) => v !== undefined);
  const meta: PageMetadata = {
    title: pick("title"),
    publisher: pick("publisher"),
    author: pick("author"),
    publishedAt: pick("publishedAt"),
    modifiedAt: pick("modifiedAt"),
    language: pick("language"),
    canonicalUrl: absolute(pick("canonicalUrl"), pageUrl),
    paywalled: pick("paywalled"),
  };
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as PageMetadata;
}

/** The same from a DOM parsed in this thread. */
export function pageMetadata(doc: Document, pageUrl: string): PageMetadata {
  return metadataFromFacts(pageFactsOf(doc), pageUrl);
}

/** Below this many characters of text, the extraction found no article (a paywall teaser, a script-built page, an index). */
export const MIN_ARTICLE_CHARS = 80;

/**
 * Reads a fetched page: its metadata, and its article body through Mozilla's
 * Readability. The parse and Readability run in a worker thread
 * (page-worker.ts), so a big page doesn't hold the event loop; should a
 * worker fail to start at all, they run here instead, so imports keep working.
 */
export async function readPage(html: string, pageUrl: string, opts: { timeLimitMs?: number } = {}): Promise<ReadPage> {
  let read: DomRead;
  try {
    read = await readDomOffThread(html, opts.timeLimitMs);
  } catch (err) {
    if (err instanceof PageTooComplex) throw new UrlImportError("too-big", said("url_too_complex", `The page is too large or complex to read (${err.message}).`), pageUrl);
    if (err instanceof PageUnreadable) throw err;
    console.warn(`Page worker unavailable, reading the page in the request thread: ${(err as Error).message}`);
    read = await readDomInThread(html);
  }
  const metadata = metadataFromFacts(read.facts, pageUrl);
  const { article } = read;
  const text = article?.textContent?.replace(/\s+/g, " ").trim() ?? "";
  if (!article?.content || text.length < MIN_ARTICLE_CHARS) {
    throw new UrlImportError(
      "empty",
      metadata.paywalled
        ? said("url_paywall", "The page is behind a paywall: no article text could be read from it.")
        : said("url_no_article", "No article text was found on the page: it may be behind a paywall or a sign-in, built by JavaScript, or not an article."),
      pageUrl,
    );
  }
  if (!metadata.author && article.byline) metadata.author = clean(article.byline);
  if (!metadata.publisher && article.siteName) metadata.publisher = clean(article.siteName);
  return { metadata, content: article.content, text };
}
