/** Characters of article text shown either side of a mention (lib/claims/claim-reads.ts cuts them). */
export const CONTEXT_CHARS = 200;

/**
 * Whether a mention's context was cut short of the article's start and end, for an ellipsis only where text goes
 * on: "…then gamma end.…" suggested text after an article's last word (black-box, session 31). An anchored
 * mention's context is the article's text around it: text comes before it when it starts further in than its
 * context reaches, and after it when its context is as long as a cut (one shorter if a surrogate half was dropped at
 * the edge). A mention that lost its place shows the quote's stored prefix and suffix, which can't say: shown cut.
 */
export function contextCut(m: { start: number | null; before: string; after: string }): { before: boolean; after: boolean } {
  if (m.start === null) return { before: m.before !== "", after: m.after !== "" };
  return { before: m.before !== "" && m.start > m.before.length, after: m.after.length >= CONTEXT_CHARS - 1 };
}
