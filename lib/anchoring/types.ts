/**
 * W3C Web Annotation selectors, restricted to what Claimtrail stores. All
 * offsets are into an article's canonical plain text and count UTF-16 code
 * units (JavaScript string indices).
 */

/** https://www.w3.org/TR/annotation-model/#text-position-selector */
export interface TextPositionSelector {
  type: "TextPositionSelector";
  /** Offset of the first code unit of the span. */
  start: number;
  /** Offset just past the last code unit of the span. */
  end: number;
}

/** https://www.w3.org/TR/annotation-model/#text-quote-selector */
export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  /** The annotated text itself. */
  exact: string;
  /** Up to CONTEXT_LENGTH code units immediately before `exact`. */
  prefix: string;
  /** Up to CONTEXT_LENGTH code units immediately after `exact`. */
  suffix: string;
}

/** What is stored for one annotated span. */
export interface SpanSelectors {
  position: TextPositionSelector;
  quote: TextQuoteSelector;
}

/**
 * What `anchor` accepts: stored rows may lack a position (quote-only imports)
 * or context (hand-written fixtures), and anchoring still works without them.
 */
export interface AnchorSelectors {
  position?: Pick<TextPositionSelector, "start" | "end">;
  quote: Pick<TextQuoteSelector, "exact"> & Partial<Pick<TextQuoteSelector, "prefix" | "suffix">>;
}

export type AnchorStatus = "exact" | "moved" | "fuzzy" | "orphaned";

/**
 * Where a stored span lies in the current text. `errors` is the edit distance
 * (code units) between `text.slice(start, end)` and the stored quote.
 */
export type Anchor =
  | { status: "exact" | "moved"; start: number; end: number; errors: 0 }
  | { status: "fuzzy"; start: number; end: number; errors: number }
  | { status: "orphaned"; start?: undefined; end?: undefined; errors?: undefined };
