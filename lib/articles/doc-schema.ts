import { z } from "zod";
import { guardedJson, storableText } from "./safe-text";

/**
 * The document schema articles may use (tiptap StarterKit names). Anything
 * else sent by a client is refused rather than stored.
 */
export const BLOCK_TYPES = ["paragraph", "heading", "bulletList", "orderedList", "listItem", "blockquote", "codeBlock"] as const;
export const INLINE_TYPES = ["text", "hardBreak"] as const;
export const MARK_TYPES = ["bold", "italic", "link"] as const;

const markSchema = z.object({
  type: z.enum(MARK_TYPES),
  attrs: z
    .object({ href: z.string().max(2000).regex(/^(https?:|mailto:)/i, "Links must be http, https or mailto.").optional() })
    .loose()
    .optional(),
});

interface Node {
  type: string;
  attrs?: Record<string, unknown>;
  content?: Node[];
  text?: string;
  marks?: z.infer<typeof markSchema>[];
}

const nodeSchema: z.ZodType<Node> = z.lazy(() =>
  z.object({
    type: z.enum([...BLOCK_TYPES, ...INLINE_TYPES]),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(nodeSchema).max(100_000).optional(),
    text: z.string().max(1_000_000).superRefine(storableText).optional(),
    marks: z.array(markSchema).max(10).optional(),
  }),
);

/**
 * An article document. Nesting depth, NUL characters and lone surrogates are
 * checked iteratively first (lib/articles/safe-text.ts), so a hostile document
 * is a 400 naming the field, never a stack overflow or a database error.
 */
export const docSchema = guardedJson(
  z.object({
    type: z.literal("doc"),
    content: z.array(nodeSchema).min(1, "The article can't be empty.").max(100_000),
  }),
);
