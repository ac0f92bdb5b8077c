/**
 * Pages the URL-import tests serve from their loopback server: a news story
 * with JSON-LD (in a @graph, authors as an array), one with OpenGraph only,
 * one with nothing but <title>, <time> and text, and a paywall teaser.
 */

const BODY = [
  "The harbour bridge will close for eighteen months from March, the city council said on Tuesday, after inspectors found corrosion in two of its main cables.",
  "About 40,000 vehicles cross the bridge each day, according to the council's latest traffic count, and a ferry service will run every ten minutes during the works.",
  "The repair is expected to cost 120 million euros, of which the national government has agreed to pay half.",
];

const paragraphs = (extra = "") => BODY.map((p) => `<p>${p}${extra}</p>`).join("\n");

const chrome = (inner: string) => `<header><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav></header>
<main><article>${inner}</article></main>
<aside><h2>Most read</h2><ul><li><a href="/a">Another story</a></li></ul></aside><footer>© The Harbour Times</footer>`;

export const JSON_LD_PAGE = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<title>Bridge to close for 18 months | The Harbour Times</title>
<meta property="og:title" content="OG title loses to JSON-LD">
<meta property="og:site_name" content="OG site loses">
<link rel="canonical" href="/news/bridge-to-close">
<script type="application/ld+json">{ "this is": broken json }</script>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
  {"@type":"WebSite","name":"Harbour Times website","url":"https://harbour.example/"},
  {"@type":["NewsArticle"],"headline":"Harbour bridge to close for 18 months","author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Tom Berg"}],
   "publisher":{"@type":"Organization","name":"The Harbour Times"},"datePublished":"2026-03-03T09:30:00+01:00","dateModified":"2026-03-04T08:00:00Z",
   "inLanguage":"en-GB","mainEntityOfPage":{"@id":"https://harbour.example/news/bridge-to-close"}}
]}</script></head>
<body>${chrome(`<h1>Harbour bridge to close for 18 months</h1><p class="byline">By Ana Ruiz</p>${paragraphs()}<script>track()</script>`)}</body></html>`;

export const OPENGRAPH_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Ferry plan | Coast News</title>
<meta property="og:title" content="Ferries to replace the bridge">
<meta property="og:site_name" content="Coast News">
<meta property="og:url" content="https://coast.example/ferries">
<meta property="og:locale" content="pt_BR">
<meta property="article:published_time" content="2026-03-05">
<meta property="article:modified_time" content="2026-03-06T10:00:00Z">
<meta name="twitter:creator" content="@coastnews">
<meta name="author" content="Rui Costa">
</head><body>${chrome(`<h1>Ferries to replace the bridge</h1>${paragraphs(" Ferries will be free.")}`)}</body></html>`;

export const BARE_PAGE = `<html><head><title>A plain page</title></head><body>
<article><h1>Council meets</h1><p>Published <time datetime="2026-02-01T12:00:00Z">1 February</time>.</p>${paragraphs(" (Bare page.)")}</article></body></html>`;

export const PAYWALL_PAGE = `<html><head><title>Subscribe</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Locked story","isAccessibleForFree":false}</script></head>
<body><p>Subscribe to read.</p></body></html>`;

export const EMPTY_PAGE = `<html><head><title>App</title></head><body><div id="root"></div><script>render()</script></body></html>`;

/** The first sentence of the story, to find it in imported text. */
export const STORY_FIRST_SENTENCE = "The harbour bridge will close for eighteen months from March";
