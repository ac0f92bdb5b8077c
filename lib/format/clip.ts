/**
 * Text cut to at most `max` UTF-16 units with an ellipsis, at a whole character as people see one (a
 * grapheme: a flag, an emoji with its modifiers, a letter with its accents). Cutting by String.slice could
 * split a surrogate pair and leave a lone half, which is not Unicode: strict JSON readers refuse it and
 * pages show «�» (finding T11: an audit summary of a title of flags). Client-safe.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

// The limits its callers cut to, in UTF-16 units with the ellipsis counted (clipText's max).
/** A statement quoted in a notification's title or an audit summary: one line of a list, 80 in all. */
export const TITLE_CLIP = 80;
/**
 * A value quoted in a stale-version message ("Ann changed the statement to “…”"): 80 of the value, then the
 * ellipsis, as it was cut before clipText counted the ellipsis in max; long enough to tell two edits apart.
 */
export const CONFLICT_VALUE_CLIP = 81;
/** A deleted highlight quoted in the undo notice: 60 of the quote, then the ellipsis, so the sticky notice stays about two lines. */
export const UNDO_QUOTE_CLIP = 61;

export function clipText(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = 0;
  for (const { index, segment } of segmenter.segment(s)) {
    if (index + segment.length > max - 1) break;
    end = index + segment.length;
  }
  return `${s.slice(0, end)}…`;
}
