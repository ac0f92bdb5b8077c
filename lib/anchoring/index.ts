/**
 * Anchoring annotations to an article's canonical text so that they survive
 * edits. Pure functions over strings; offsets are UTF-16 code units.
 */
export { anchor, anchorAll, ORPHANED, type AnchorOptions } from "./anchor";
export { describeSpan, CONTEXT_LENGTH } from "./selectors";
export { fuzzyErrorBound, MAX_ERROR_RATE, MAX_ERRORS_CAP } from "./match-quote";
export type {
  Anchor,
  AnchorSelectors,
  AnchorStatus,
  SpanSelectors,
  TextPositionSelector,
  TextQuoteSelector,
} from "./types";
