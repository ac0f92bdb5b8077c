/**
 * The allowlist the HTML converter (html-to-doc.ts) applies as it reads: the
 * elements the document model can hold, the containers whose text is kept,
 * and what is dropped with its content. The converter builds a tiptap
 * document (JSON, rendered as text), never HTML, so it is the sanitiser: a
 * separate sanitize-html pass was dropped because it took ~1.7 s on a flat
 * 3.6 MB page in one synchronous piece and grows quadratically with nesting
 * (issue 9: a 100,000-level page froze an instance).
 */

/** Block containers whose text is kept; the converter flattens them into paragraphs. */
export const CONTAINER_TAGS = [
  "div", "section", "article", "main", "header", "footer", "aside", "figure", "figcaption", "address",
  "details", "summary", "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "dl", "dt", "dd", "hr",
] as const;

/** Elements dropped with everything inside them (not just the tags). */
export const DROPPED_WITH_CONTENT = [
  "script", "style", "head", "title", "template", "noscript", "iframe", "frame", "frameset", "object", "embed",
  "applet", "svg", "math", "canvas", "textarea", "select", "option", "button", "audio", "video",
];

export const SAFE_HREF = /^(https?:|mailto:)/i;
