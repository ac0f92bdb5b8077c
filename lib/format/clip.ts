/**
 * Text cut to at most `max` UTF-16 units with an ellipsis, at a whole character as people see one (a
 * grapheme: a flag, an emoji with its modifiers, a letter with its accents). Cutting by String.slice could
 * split a surrogate pair and leave a lone half, which is not Unicode: strict JSON readers refuse it and
 * pages show «�» (finding T11: an audit summary of a title of flags). Client-safe.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

export function clipText(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = 0;
  for (const { index, segment } of segmenter.segment(s)) {
    if (index + segment.length > max - 1) break;
    end = index + segment.length;
  }
  return `${s.slice(0, end)}…`;
}
