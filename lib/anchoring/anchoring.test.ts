import { describe, expect, it } from "vitest";
import { anchor, anchorAll, describeSpan, fuzzyErrorBound } from "./index";
import { contextErrors, editDistanceWithin } from "./distance";
import { levenshtein } from "./test-utils";

const P1 = "The council met on Tuesday to discuss the harbour budget.";
const P2 = "Councillor Vega said the dredging contract had doubled in cost since March.";
const P3 = "A spokesperson for the port authority declined to comment on the figures.";
const ARTICLE = [P1, P2, P3].join("\n\n");

function spanOf(text: string, quote: string, from = 0) {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`fixture lacks ${quote}`);
  return describeSpan(text, start, start + quote.length);
}

describe("describeSpan", () => {
  it("stores position, quote and up to 32 code units of context", () => {
    const s = spanOf(ARTICLE, "dredging contract");
    expect(s.position).toEqual({ type: "TextPositionSelector", start: ARTICLE.indexOf("dredging"), end: ARTICLE.indexOf("dredging") + 17 });
    expect(s.quote.exact).toBe("dredging contract");
    expect(s.quote.prefix).toBe(ARTICLE.slice(s.position.start - 32, s.position.start));
    expect(s.quote.suffix).toBe(ARTICLE.slice(s.position.end, s.position.end + 32));
  });

  it("shortens context instead of splitting a surrogate pair", () => {
    // "😀" is two code units; place it so the 32-unit boundary falls inside it.
    const text = "😀" + "a".repeat(31) + "QUOTE" + "b".repeat(31) + "😀";
    const s = describeSpan(text, 33, 38);
    expect(s.quote.exact).toBe("QUOTE");
    expect(s.quote.prefix).toBe("a".repeat(31));
    expect(s.quote.suffix).toBe("b".repeat(31));
    const whole = describeSpan(text, 0, text.length);
    expect(whole.quote).toMatchObject({ prefix: "", suffix: "" });
  });

  it("rejects spans out of range or splitting a surrogate pair", () => {
    expect(() => describeSpan("abc", 2, 1)).toThrow(RangeError);
    expect(() => describeSpan("abc", 0, 4)).toThrow(RangeError);
    expect(() => describeSpan("a😀b", 2, 4)).toThrow(RangeError);
  });
});

describe("anchor", () => {
  it("is exact when the text did not change", () => {
    const s = spanOf(ARTICLE, "dredging contract");
    expect(anchor(ARTICLE, s)).toEqual({ status: "exact", start: s.position.start, end: s.position.end, errors: 0 });
  });

  it("is exact when an edit elsewhere left position and quote in place", () => {
    const s = spanOf(ARTICLE, "dredging contract");
    const edited = ARTICLE.replace("declined to comment", "would not comment");
    expect(anchor(edited, s).status).toBe("exact");
  });

  it("is moved after a paragraph is inserted before the span", () => {
    const s = spanOf(ARTICLE, "dredging contract");
    const inserted = "Updated at noon with the mayor's reaction.\n\n";
    const edited = inserted + ARTICLE;
    expect(anchor(edited, s)).toEqual({
      status: "moved",
      start: s.position.start + inserted.length,
      end: s.position.end + inserted.length,
      errors: 0,
    });
  });

  it("chooses among repeats by prefix and suffix, not just nearness", () => {
    const text = "the port said no. The mayor said no. The union said no.";
    const s = spanOf(text, "said no", text.indexOf("union"));
    // Insert enough before that another "said no" lands at the old offset.
    const edited = "The mayor said no. " + text;
    expect(edited.slice(s.position.start, s.position.end)).toBe("said no");
    const a = anchor(edited, s);
    expect(a.status).toBe("moved");
    expect(edited.slice(a.start! - 10, a.end)).toBe("The union said no");
  });

  it("prefers the stored context even when the old offset holds another repeat", () => {
    const text = "alpha said no; beta said no; gamma said no.";
    const s = spanOf(text, "said no", text.indexOf("beta"));
    // Shift by exactly the distance between two repeats.
    const edited = "delta said no;" + text;
    expect(edited.slice(s.position.start, s.position.end)).toBe("said no");
    const a = anchor(edited, s);
    expect(a.status).toBe("moved");
    expect(edited.slice(a.start! - 5, a.end)).toBe("beta said no");
  });

  it("is fuzzy after a small typo fix inside the quote", () => {
    const typo = ARTICLE.replace("dredging contract", "dreging contract");
    const s = spanOf(typo, "the dreging contract had doubled");
    const fixed = ARTICLE;
    const a = anchor(fixed, s);
    expect(a).toMatchObject({ status: "fuzzy", errors: 1 });
    expect(fixed.slice(a.start, a.end)).toBe("the dredging contract had doubled");
  });

  it("is orphaned after the sentence is deleted", () => {
    const s = spanOf(ARTICLE, P2);
    const edited = [P1, P3].join("\n\n");
    expect(anchor(edited, s)).toEqual({ status: "orphaned" });
  });

  it("is orphaned for a blank quote, and for matches beyond the bound", () => {
    expect(anchor(ARTICLE, { quote: { exact: "  \n " } }).status).toBe("orphaned");
    expect(anchor(ARTICLE, { quote: { exact: "" } }).status).toBe("orphaned");
    const s = spanOf(ARTICLE, "the dredging contract had doubled in cost");
    const bound = fuzzyErrorBound(s.quote.exact.length);
    // bound + 1 substitutions inside the quote: too far to re-attach.
    const mangled = s.quote.exact.replace(/[aeiou]/g, "x");
    expect(levenshtein(mangled, s.quote.exact)).toBeGreaterThan(bound);
    expect(anchor(ARTICLE.replace(s.quote.exact, mangled), s).status).toBe("orphaned");
  });

  it("refuses a short quote's near-miss in an unrelated context", () => {
    const text = "Talks began on 17 December in Geneva.\n\nA second round followed.";
    const s = spanOf(text, "17 December");
    const edited = "A second round followed.\n\nNothing happened on 27 December, officials said.";
    expect(anchor(edited, s).status).toBe("orphaned");
  });

  it("takes a long quote's near-copy close by, but not one far away in other surroundings", () => {
    const sentence = "The committee approved the revised harbour budget by seven votes to two.";
    const nearCopy = "The committee approved the revised harbor budget by six votes to two.";
    const filler = (n: number) => "Unrelated reporting follows here. ".repeat(n);
    const build = (gap: number) => `${sentence}\n\n${filler(gap)}\n\nEarlier, ${nearCopy} Nobody objected.`;
    for (const [gap, status] of [[3, "fuzzy"], [100, "orphaned"]] as const) {
      const text = build(gap);
      const s = describeSpan(text, 0, sentence.length);
      const edited = text.slice(sentence.length + 2);
      expect(anchor(edited, s).status).toBe(status);
      // Without a position nothing counts as close by: the context must agree.
      expect(anchor(edited, { quote: s.quote }).status).toBe("orphaned");
    }
  });

  it("works without a position selector or context", () => {
    const a = anchor(ARTICLE, { quote: { exact: "port authority" } });
    expect(a).toMatchObject({ status: "moved", start: ARTICLE.indexOf("port authority") });
  });
});

describe("scripts and surrogate pairs", () => {
  it("anchors text with emoji, and fuzzy ends never split a pair", () => {
    const text = "Fans cheered 🎉🎉 as the team 🏆 won the final 😀 at home.";
    const s = spanOf(text, "team 🏆 won");
    expect(anchor(text, s).status).toBe("exact");
    // Swap the trophy for another emoji: the fuzzy match must not cut it in half.
    const edited = "Intro.\n\n" + text.replace("🏆", "🥇");
    const a = anchor(edited, s);
    expect(a.status).toBe("fuzzy");
    expect(edited.slice(a.start, a.end)).toBe("team 🥇 won");
    expect(a.errors).toBe(levenshtein("team 🥇 won", "team 🏆 won"));
  });

  it("moves spans with combining marks intact", () => {
    const text = "The cafe\u0301 on Rue Saint-Andre\u0301 reopened; the cafe\u0301 owner was pleased.";
    const s = spanOf(text, "cafe\u0301 owner");
    const edited = "Breaking: " + text;
    const a = anchor(edited, s);
    expect(a.status).toBe("moved");
    expect(edited.slice(a.start, a.end)).toBe("cafe\u0301 owner");
    // Dropping the combining mark is a one-code-unit edit.
    const plain = edited.replace("cafe\u0301 owner", "cafe owner");
    expect(anchor(plain, s)).toMatchObject({ status: "fuzzy", errors: 1 });
  });

  it("handles Cyrillic text", () => {
    const text = "Министр заявил, что переговоры продолжатся в январе.\n\nОппозиция с этим не согласна.";
    const s = spanOf(text, "переговоры продолжатся в январе");
    const edited = "Обновлено.\n\n" + text.replace("в январе", "в феврале");
    const a = anchor(edited, s);
    expect(a.status).toBe("fuzzy");
    expect(edited.slice(a.start, a.end)).toContain("переговоры продолжатся в");
    expect(a.errors).toBeLessThanOrEqual(fuzzyErrorBound(s.quote.exact.length));
  });

  it("handles right-to-left scripts (Arabic, Hebrew) in logical order", () => {
    const arabic = "قال المتحدث إن المحادثات ستستمر الأسبوع المقبل في جنيف.";
    const hebrew = "הדובר אמר כי השיחות יימשכו בשבוע הבא בז'נבה.";
    const text = `${arabic}\n\n${hebrew}`;
    const ar = spanOf(text, "المحادثات ستستمر");
    const he = spanOf(text, "השיחות יימשכו");
    const edited = "\u200fמבוא.\n\n" + text;
    const [a, h] = anchorAll(edited, [ar, he]);
    expect(a.status).toBe("moved");
    expect(edited.slice(a.start, a.end)).toBe("المحادثات ستستمر");
    expect(h.status).toBe("moved");
    expect(edited.slice(h.start, h.end)).toBe("השיחות יימשכו");
    const typo = edited.replace("יימשכו", "ימשכו");
    expect(anchor(typo, he)).toMatchObject({ status: "fuzzy", errors: 1 });
  });
});

describe("anchorAll", () => {
  it("keeps a span in its paragraph when a word beside it changed, though a near-copy of the paragraph elsewhere has that word (black-box, session 37)", () => {
    // Templated paragraphs: 7 and 17 differ only in their number.
    const para = (i: number) => `Paragraph ${i}: the ministry said grain exports rose by ${i % 10} percent, officials reported.`;
    const text = Array.from({ length: 30 }, (_, i) => para(i)).join("\n\n");
    const at = text.indexOf(para(17));
    const spans = ["Paragraph 16", "grain exports", "percent"].map((q, k) => spanOf(text, q, k === 0 ? text.indexOf(para(16)) : at));
    // A paragraph inserted at the top, and "officials" changed in paragraph 17 (inside the spans' suffixes).
    const edited = `A new first paragraph.\n\n${text.replace(para(17), para(17).replace("officials", "sources"))}`;
    const results = anchorAll(edited, spans);
    const moved = edited.indexOf(para(17).replace("officials", "sources"));
    for (const [i, r] of results.entries()) {
      if (r.status !== "moved") throw new Error(`span ${i}: ${r.status}`);
      expect(edited.slice(r.start, r.end)).toBe(spans[i].quote.exact);
      if (i > 0) expect(r.start > moved && r.start < moved + para(17).length).toBe(true);
    }
  });

  it("finds a moved paragraph where it went, though the old place keeps one side of a span's context", () => {
    const moved = "The finance minister said the plan would balance the budget by 2027, without new taxes.";
    const text = ["Opening remarks were brief.", moved, "Questions followed."].join("\n\n");
    const span = spanOf(text, "the plan");
    // The paragraph goes to the end; in its place a sentence that starts the same way.
    const edited = ["Opening remarks were brief.", "The finance minister said the plan was abandoned in March.", "Questions followed.", moved].join("\n\n");
    const [a] = anchorAll(edited, [span]);
    expect(a.status).toBe("moved");
    expect(a.start).toBe(edited.indexOf(moved) + moved.indexOf("the plan"));
  });

  it("returns results in input order and follows a shared shift", () => {
    const spans = [spanOf(ARTICLE, P3), spanOf(ARTICLE, "Tuesday"), spanOf(ARTICLE, "doubled in cost")];
    const edited = ARTICLE.replace("Tuesday", "Wednesday").replace(P1, P1 + "\n\nA new paragraph.");
    const results = anchorAll(edited, spans);
    expect(results.map((r) => r.status)).toEqual(["moved", "orphaned", "moved"]);
    for (const [i, r] of results.entries()) {
      if (r.status === "moved") expect(edited.slice(r.start, r.end)).toBe(spans[i].quote.exact);
    }
  });
});

describe("distance helpers", () => {
  it("editDistanceWithin agrees with Levenshtein up to the bound", () => {
    const words = ["", "a", "kitten", "sitting", "flaw", "lawn", "Привет", "привет!", "😀x", "x😀"];
    for (const a of words) {
      for (const b of words) {
        for (const max of [0, 1, 2, 3, 8]) {
          expect(editDistanceWithin(a, b, max)).toBe(Math.min(levenshtein(a, b), max + 1));
        }
      }
    }
  });

  it("contextErrors pins the side next to the match", () => {
    const text = "xx abc QUOTE def yy";
    expect(contextErrors(text, "abc ", 7, -1)).toBe(0);
    expect(contextErrors(text, "zabc ", 7, -1)).toBe(1);
    expect(contextErrors(text, "abc", 7, -1)).toBe(1);
    expect(contextErrors(text, " def", 12, 1)).toBe(0);
    expect(contextErrors(text, " de", 12, 1)).toBe(0);
  });
});
