/**
 * Sizes for the dashboard charts' axes, so no label is cut (black-box finding: at 100k claims the
 * value axis's five-digit ticks lost their first digit, "80000" reading "30000"). Recharts gives an
 * axis a fixed width (60 px) whatever its labels; these size it from them. Client-safe.
 */

/** About how wide one character of the axes' 11 px labels is, digits and letters alike, in px. */
export const AXIS_CHAR_PX = 7;

/** A category label on the verdict chart's axis: longer ones are cut (the tooltip and the screen readers' table have them whole). */
export const CATEGORY_LABEL_CLIP = 16;

/**
 * The width a value axis needs for ticks up to `max` written with `format`: the top tick is a round
 * number at or above `max`, at most the next power of ten (78,412 gets 80,000; 96,000 may get
 * 100,000), so room is made for that one.
 */
export function valueAxisWidth(max: number, format: (n: number) => string): number {
  const top = max < 1 ? 1 : 10 ** Math.ceil(Math.log10(max + 1));
  return format(top).length * AXIS_CHAR_PX + 12;
}

/** The width a category axis needs for `labels` once cut to CATEGORY_LABEL_CLIP characters. */
export function categoryAxisWidth(labels: string[]): number {
  const longest = Math.max(1, ...labels.map((l) => Math.min(l.length, CATEGORY_LABEL_CLIP)));
  return longest * AXIS_CHAR_PX + 12;
}
