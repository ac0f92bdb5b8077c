import { describe, expect, it } from "vitest";
import { canonicalText, type DocNode } from "../document";
import { htmlMetadata } from "./html-metadata";
import { htmlToDoc } from "./html-to-doc";

const text = (t: string, marks?: DocNode["marks"]): DocNode => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
const p = (...content: DocNode[]): DocNode => ({ type: "paragraph", content });
const br: DocNode = { type: "hardBreak" };
const blocks = (html: string) => htmlToDoc(html).content;

/** Every node and mark type used anywhere in a doc, and every attribute name. */
function inventory(node: DocNode, out = { types: new Set<string>(), attrs: new Set<string>() }) {
  out.types.add(node.type);
  for (const m of node.marks ?? []) {
    out.types.add(`mark:${m.type}`);
    for (const k of Object.keys(m.attrs ?? {})) out.attrs.add(`${m.type}.${k}`);
  }
  for (const k of Object.keys(node.attrs ?? {})) out.attrs.add(`${node.type}.${k}`);
  for (const c of node.content ?? []) inventory(c, out);
  return out;
}

describe("sanitising HTML", () => {
  const hostile = `<p onclick="steal()" style="color:red" class="x">Safe <b onmouseover="x()">text</b></p>
    <script>document.cookie</script><style>p { display: none }</style>
    <iframe src="https://evil.example/"></iframe><object data="x.swf">fallback</object>
    <p><a href="javascript:alert(1)">js link</a> <a href="JaVaScRiPt&colon;alert(1)">encoded</a> <a href="data:text/html,hi">data</a>
    <a href="vbscript:x">vb</a> <a href="https://ok.example/" target="_blank" onclick="x()">ok</a> <a href="mailto:desk@example.org">mail</a></p>
    <img src=x onerror="alert(1)"><svg><script>alert(2)</script></svg><form><input value="in"><button>Go</button></form>
    <noscript>no script</noscript><template><p>template</p></template>`;

  it("removes scripts, styles, frames, event handlers and unsafe links, keeping the text around them", () => {
    const clean = JSON.stringify(htmlToDoc(hostile));
    for (const bad of ["<script", "<style", "<iframe", "<object", "<img", "<svg", "onclick", "onmouseover", "onerror", "style=", "class=", "javascript", "vbscript", "data:", "target="]) {
      expect(clean.toLowerCase()).not.toContain(bad);
    }
    const doc = htmlToDoc(hostile);
    const body = canonicalText(doc);
    for (const gone of ["document.cookie", "display: none", "alert", "template", "no script", "Go"]) expect(body).not.toContain(gone);
    expect(body).toBe("Safe text\n\njs link encoded data vb ok mail");
    const links = JSON.stringify(doc).match(/"href":"[^"]*"/g);
    expect(links).toEqual(['"href":"https://ok.example/"', '"href":"mailto:desk@example.org"']);
  });

  it("produces only the document schema's nodes, marks and attributes", () => {
    const all = `${hostile}<h1>H</h1><h4>h4</h4><ul><li>u</li></ul><ol start="2"><li>o</li></ol><blockquote>q</blockquote><pre>c</pre>
      <table><tr><td>cell</td></tr></table><p><u>u</u><s>s</s><code>c</code><i>i</i><strong>s</strong><br>x</p>`;
    const { types, attrs } = inventory(htmlToDoc(all));
    const allowed = ["doc", "paragraph", "heading", "bulletList", "orderedList", "listItem", "blockquote", "hardBreak", "text", "mark:bold", "mark:italic", "mark:link"];
    expect([...types].filter((t) => !allowed.includes(t))).toEqual([]);
    expect([...attrs].sort()).toEqual(["heading.level", "link.href", "orderedList.start"]);
  });
});

describe("HTML to the document model", () => {
  it("keeps paragraphs, headings (h4–h6 as level 3), lists, blockquotes, marks and hard breaks", () => {
    const doc = htmlToDoc(`<h1>One</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h6>Six</h6>
      <p>Plain <strong>bold</strong> <em>it</em> <b><i>both</i></b> <a href="https://ex.org/a?b=1&amp;c=2">link</a><br>next line</p>
      <ul><li>one</li><li><p>two</p><p>two more</p><ul><li>nested</li></ul></li></ul>
      <ol start="3"><li>three</li></ol><ol><li>first</li></ol>
      <blockquote><p>quoted</p><p>twice</p></blockquote>`);
    expect(doc.content).toEqual([
      { type: "heading", attrs: { level: 1 }, content: [text("One")] },
      { type: "heading", attrs: { level: 2 }, content: [text("Two")] },
      { type: "heading", attrs: { level: 3 }, content: [text("Three")] },
      { type: "heading", attrs: { level: 3 }, content: [text("Four")] },
      { type: "heading", attrs: { level: 3 }, content: [text("Six")] },
      p(
        text("Plain "),
        text("bold", [{ type: "bold" }]),
        text(" "),
        text("it", [{ type: "italic" }]),
        text(" "),
        text("both", [{ type: "bold" }, { type: "italic" }]),
        text(" "),
        text("link", [{ type: "link", attrs: { href: "https://ex.org/a?b=1&c=2" } }]),
        br,
        text("next line"),
      ),
      {
        type: "bulletList",
        content: [
          { type: "listItem", content: [p(text("one"))] },
          { type: "listItem", content: [p(text("two")), p(text("two more")), { type: "bulletList", content: [{ type: "listItem", content: [p(text("nested"))] }] }] },
        ],
      },
      { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [p(text("three"))] }] },
      { type: "orderedList", attrs: { start: 1 }, content: [{ type: "listItem", content: [p(text("first"))] }] },
      { type: "blockquote", content: [p(text("quoted")), p(text("twice"))] },
    ]);
  });

  it("collapses whitespace as a browser does, keeping non-breaking spaces", () => {
    expect(blocks("<p>\n  Several   spaces,\ttabs\nand\r\nnewlines  </p>")).toEqual([p(text("Several spaces, tabs and newlines"))]);
    expect(blocks("<p>a <b> b </b> c</p>")).toEqual([p(text("a "), text("b ", [{ type: "bold" }]), text("c"))]);
    expect(blocks("<p>line one   <br>   line two</p>")).toEqual([p(text("line one"), br, text("line two"))]);
    expect(blocks("<p>a\u00a0\u00a0b</p>")).toEqual([p(text("a\u00a0\u00a0b"))]);
    expect(blocks("<p>caf&eacute; &amp; &lt;tags&gt; &#8220;q&#8221;</p>")).toEqual([p(text("café & <tags> “q”"))]);
  });

  it("wraps loose inline content in paragraphs and drops empty ones", () => {
    expect(blocks("Loose <i>start</i><p>para</p>loose end<p> </p><p>&nbsp;</p><p><br></p><div></div>")).toEqual([
      p(text("Loose "), text("start", [{ type: "italic" }])),
      p(text("para")),
      p(text("loose end")),
    ]);
    expect(blocks("<div>one<div>two</div>three</div><section><article>four</article></section>")).toEqual([
      p(text("one")),
      p(text("two")),
      p(text("three")),
      p(text("four")),
    ]);
  });

  it("keeps <pre> whitespace, with its lines as hard breaks", () => {
    expect(blocks("<pre>\nfirst  line\n    indented\n</pre>")).toEqual([p(text("first  line"), br, text("    indented"))]);
    expect(blocks("<pre><code>x = 1\ny = 2\n</code></pre>")).toEqual([p(text("x = 1"), br, text("y = 2"))]);
  });

  it("resolves relative links against the page URL, and drops them without one", () => {
    expect(htmlToDoc('<p><a href="/about">rel</a></p>', { baseUrl: "https://news.example/a/b" }).content).toEqual([
      p(text("rel", [{ type: "link", attrs: { href: "https://news.example/about" } }])),
    ]);
    expect(blocks('<p><a href="/about">rel</a></p>')).toEqual([p(text("rel"))]);
  });

  it("reads the page's own metadata", () => {
    const meta = htmlMetadata(`<!doctype html><html lang="en-GB"><head><title> Page  title | Site </title>
      <meta name="author" content="Ann Author"><meta property="og:site_name" content="Daily Example">
      <meta property="article:published_time" content="2022-01-27T10:00:00Z"><meta property="og:url" content="https://news.example/og">
      <link rel="canonical" href="https://news.example/canonical"></head><body><h1>The <em>headline</em></h1></body></html>`);
    expect(meta).toEqual({
      title: "Page title | Site",
      h1: "The headline",
      author: "Ann Author",
      publisher: "Daily Example",
      publishedAt: "2022-01-27T10:00:00Z",
      language: "en-GB",
      url: "https://news.example/canonical",
    });
    expect(htmlMetadata('<meta property="og:url" content="https://news.example/og"><p>x</p>')).toEqual({ url: "https://news.example/og" });
  });
});
