import { describe, expect, it } from "vitest";
import { anchor, anchorAll, describeSpan, fuzzyErrorBound } from "./index";
import { CORPUS_DIR, readCorpus } from "./test-utils";

// The articles stay in shared/ (not ours to copy); this file only reads them.
const corpus = readCorpus();
if (!corpus) console.warn(`anchoring corpus regression skipped: ${CORPUS_DIR} is absent`);

const INSERTED = "Editor's note: this article was updated after publication.\n\n";

/** Sentences of 60–300 code units that occur once in their article. */
function pickSentences(text: string, count: number): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[^\n.!?]+[.!?]/g)) {
    const sentence = m[0].trim();
    const start = m.index + m[0].indexOf(sentence);
    if (sentence.length < 60 || sentence.length > 300) continue;
    if (text.indexOf(sentence) !== text.lastIndexOf(sentence)) continue;
    if (!/\b[a-z]{6,}\b/.test(sentence)) continue;
    found.push({ start, end: start + sentence.length });
  }
  // Spread the picks over the article rather than taking its opening lines.
  const step = Math.max(1, Math.floor(found.length / count));
  return found.filter((_, i) => i % step === 0).slice(0, count);
}

/** The article with one lower-case word of the span misspelt (a letter dropped). */
function withTypo(text: string, span: { start: number; end: number }): string {
  const sentence = text.slice(span.start, span.end);
  const word = /\b[a-z]{6,}\b/.exec(sentence)!;
  const at = span.start + word.index + 2;
  return text.slice(0, at) + text.slice(at + 1);
}

describe("corpus regression", () => {
  it.skipIf(!corpus)(
    corpus ? "re-anchors real article sentences through scripted edits" : `SKIPPED: corpus folder ${CORPUS_DIR} is absent`,
    () => {
      expect(corpus!.length).toBeGreaterThan(0);
      for (const article of corpus!) {
        const spans = pickSentences(article, 4);
        expect(spans.length).toBeGreaterThan(1);
        for (const span of spans) {
          const sel = describeSpan(article, span.start, span.end);
          const quote = sel.quote.exact;
          const breakBefore = article.lastIndexOf("\n\n", span.start);
          const paragraphStart = breakBefore < 0 ? 0 : breakBefore + 2;

          expect(anchor(article, sel).status).toBe("exact");

          // A paragraph inserted before the sentence's own paragraph.
          const inserted = article.slice(0, paragraphStart) + INSERTED + article.slice(paragraphStart);
          expect(anchor(inserted, sel)).toEqual({
            status: "moved",
            start: span.start + INSERTED.length,
            end: span.end + INSERTED.length,
            errors: 0,
          });

          // Annotated while a word was misspelt; the article then fixed it.
          const typoText = withTypo(article, span);
          const typoSel = describeSpan(typoText, span.start, span.end - 1);
          const fixed = anchor(inserted, typoSel);
          expect(fixed).toEqual({
            status: "fuzzy",
            start: span.start + INSERTED.length,
            end: span.end + INSERTED.length,
            errors: 1,
          });
          expect(fixed.errors).toBeLessThanOrEqual(fuzzyErrorBound(typoSel.quote.exact.length));

          // The sentence deleted (with the space after it).
          const after = /^[ \t]*/.exec(article.slice(span.end))![0].length;
          const deleted = article.slice(0, span.start) + article.slice(span.end + after);
          expect(deleted.includes(quote)).toBe(false);
          expect(anchor(deleted, sel)).toEqual({ status: "orphaned" });
        }

        // All edits at once, in one batch: insertion at the top, a fix, a deletion.
        const [kept, typoed, removed] = spans;
        const typoText = withTypo(article, typoed);
        const sels = [
          describeSpan(article, kept.start, kept.end),
          describeSpan(typoText, typoed.start, typoed.end - 1),
          describeSpan(article, removed?.start ?? kept.start, removed?.end ?? kept.end),
        ];
        let edited = article;
        if (removed) edited = edited.slice(0, removed.start) + edited.slice(removed.end);
        edited = INSERTED + edited;
        const results = anchorAll(edited, sels);
        expect(results[0]).toMatchObject({ status: "moved", start: kept.start + INSERTED.length });
        expect(results[1]).toMatchObject({ status: "fuzzy", errors: 1 });
        expect(edited.slice(results[1].start, results[1].end)).toBe(article.slice(typoed.start, typoed.end));
        if (removed) expect(results[2].status).toBe("orphaned");
      }
    },
  );
});
