import sanitizeHtml from "sanitize-html";

/** Block containers whose text is kept; the converter flattens them into paragraphs. */
export const CONTAINER_TAGS = [
  "div", "section", "article", "main", "header", "footer", "aside", "figure", "figcaption", "address",
  "details", "summary", "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "dl", "dt", "dd", "hr",
] as const;

/** Inline elements whose text is kept without a mark of their own. */
export const PLAIN_INLINE_TAGS = ["span", "u", "s", "del", "ins", "sub", "sup", "small", "mark", "abbr", "cite", "q", "time", "code", "kbd", "samp", "var"] as const;

const STRUCTURE_TAGS = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "br", "a", "strong", "b", "em", "i"];

/** Elements dropped with everything inside them (not just the tags). */
export const DROPPED_WITH_CONTENT = [
  "script", "style", "head", "title", "template", "noscript", "iframe", "frame", "frameset", "object", "embed",
  "applet", "svg", "math", "canvas", "textarea", "select", "option", "button", "audio", "video",
];

export const SAFE_HREF = /^(https?:|mailto:)/i;

/**
 * Untrusted HTML reduced to the elements the document model can hold: no
 * scripts, styles, frames, event handlers or attributes other than a link's
 * http(s)/mailto href and an ordered list's start.
 */
export function sanitize(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [...STRUCTURE_TAGS, ...CONTAINER_TAGS, ...PLAIN_INLINE_TAGS],
    allowedAttributes: { a: ["href"], ol: ["start"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: {},
    allowedSchemesAppliedToAttributes: ["href"],
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    nonTextTags: DROPPED_WITH_CONTENT,
  });
}
