import { describe, expect, it } from "vitest";
import { anchorAll, describeSpan } from "./index";
import { paragraphHints } from "./paragraph-hints";

const item = (n: number, who = "officials") => `Item ${n}: the ministry said grain exports rose by 5 percent, ${who} reported.`;

describe("paragraphHints", () => {
  it("maps an offset to where its paragraph went, or keeps its distance from the last shared paragraph before it", () => {
    const old = ["Alpha.", "Bravo paragraph.", "Charlie paragraph.", "Delta."].join("\n\n");
    const edited = ["New first.", "Alpha.", "Bravo paragraph.", "Charlie paragraph, edited.", "Delta."].join("\n\n");
    const hint = paragraphHints(old, edited);
    const at = (s: string, q: string, t: string) => t.indexOf(s) + s.indexOf(q);
    // In a shared paragraph: exactly its new place.
    expect(hint(at("Bravo paragraph.", "paragraph", old))).toBe(at("Bravo paragraph.", "paragraph", edited));
    // In the edited one: as far from Bravo's start as before.
    expect(hint(at("Charlie paragraph.", "Charlie", old))).toBe(at("Charlie paragraph, edited.", "Charlie", edited));
    // Before every shared paragraph: measured back from the first one.
    expect(hint(0)).toBe(edited.indexOf("Alpha."));
  });

  it("ignores paragraphs found more than once, and shared paragraphs out of order, and knows nothing when none is shared", () => {
    const old = ["Same.", "Unique one.", "Same.", "Unique two."].join("\n\n");
    const swapped = ["Unique two.", "Same.", "Unique one.", "Same."].join("\n\n");
    const hint = paragraphHints(old, swapped);
    // "Unique one." and "Unique two." swapped: one of them is kept as the anchor, the other is not trusted.
    const kept = [old.indexOf("Unique one."), old.indexOf("Unique two.")].filter((o) => hint(o) === swapped.indexOf(old.slice(o, o + 10)));
    expect(kept).toHaveLength(1);
    expect(paragraphHints("One.\n\nTwo.", "Three.\n\nFour.")(3)).toBeUndefined();
  });

  it("lets a lone highlight stay in its paragraph when a word beside it changed and a near-copy of the paragraph is elsewhere (black-box, session 37)", () => {
    const old = [item(1), "Some other text in between.", item(2)].join("\n\n");
    const start = old.lastIndexOf("grain exports");
    const span = describeSpan(old, start, start + "grain exports".length);
    const edited = ["A new first paragraph.", item(1), "Some other text in between.", item(2, "sources")].join("\n\n");
    const [withOld] = anchorAll(edited, [span], { oldText: old });
    expect(withOld).toMatchObject({ status: "moved", start: edited.lastIndexOf("grain exports") });
    // Without the old text, nothing says where its paragraph went: the near-copy's context fits best.
    const [without] = anchorAll(edited, [span]);
    expect(without.start).toBe(edited.indexOf("grain exports"));
  });
});
