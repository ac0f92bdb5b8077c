import { z } from "zod";
import { guardedJson, storableText } from "@/lib/articles/safe-text";

/**
 * The small tiptap document used for verdict explanations and comments:
 * paragraphs, lists and quotes; bold, italic and links. Client-safe (no
 * server imports), so editors validate with the same schema the API uses.
 */
export const RICH_BLOCK_TYPES = ["paragraph", "bulletList", "orderedList", "listItem", "blockquote"] as const;
/** `mention`: an @mention of a member in a comment (attrs `id`: the user, `label`: their name; lib/claims/comment-mentions.ts). */
export const RICH_INLINE_TYPES = ["text", "hardBreak", "mention"] as const;
export const RICH_MARK_TYPES = ["bold", "italic", "link"] as const;
export const RICH_TEXT_MAX = 20_000;

export interface RichNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}
export interface RichDoc {
  type: "doc";
  content: RichNode[];
}

const markSchema = z.object({
  type: z.enum(RICH_MARK_TYPES),
  attrs: z
    .object({ href: z.string().max(2000).regex(/^(https?:|mailto:)/i, "Links must be http, https or mailto.").optional() })
    .loose()
    .optional(),
});

const nodeSchema: z.ZodType<RichNode> = z.lazy(() =>
  z.object({
    type: z.enum([...RICH_BLOCK_TYPES, ...RICH_INLINE_TYPES]),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(nodeSchema).max(2000).optional(),
    text: z.string().max(RICH_TEXT_MAX).superRefine(storableText).optional(),
    marks: z.array(markSchema).max(10).optional(),
  }),
);

function inlineText(node: RichNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  if (node.type === "mention") return `@${typeof node.attrs?.label === "string" ? node.attrs.label : ""}`;
  return (node.content ?? []).map(inlineText).join("");
}

function blocks(node: RichNode, out: string[]): void {
  if (node.type === "paragraph") {
    out.push(inlineText(node));
    return;
  }
  for (const child of node.content ?? []) blocks(child, out);
}

/** Plain text of a rich document: one line per paragraph, trimmed. Stored beside the JSON for search and export. */
export function plainText(doc: RichDoc): string {
  const out: string[] = [];
  for (const node of doc.content) blocks(node, out);
  return out.join("\n").trim();
}

/**
 * A rich document; may be empty (`{type: "doc", content: []}`). Nesting (at
 * most MAX_DOC_DEPTH nodes), NUL characters and lone surrogates are checked
 * iteratively before zod's recursive parse (lib/articles/safe-text.ts).
 */
export const richTextSchema = guardedJson(z.object({ type: z.literal("doc"), content: z.array(nodeSchema).max(2000) })).refine((doc) => plainText(doc).length <= RICH_TEXT_MAX, {
  message: `Keep it under ${RICH_TEXT_MAX.toLocaleString("en")} characters.`,
  params: { code: "too_long", limit: RICH_TEXT_MAX },
});

/** A rich document with some text in it. */
export const nonEmptyRichTextSchema = richTextSchema.refine((doc) => plainText(doc).length > 0, { message: "Write something first.", params: { code: "required" } });

/** The rich document for a plain string: one paragraph per line. */
export function richFromText(text: string): RichDoc {
  return {
    type: "doc",
    content: text.split("\n").map((line) => ({ type: "paragraph", content: line ? [{ type: "text", text: line }] : [] })),
  };
}
