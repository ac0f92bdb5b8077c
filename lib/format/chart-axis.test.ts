import { describe, expect, it } from "vitest";
import { AXIS_CHAR_PX, categoryAxisWidth, CATEGORY_LABEL_CLIP, valueAxisWidth } from "./chart-axis";

const en = new Intl.NumberFormat("en").format;
const ru = new Intl.NumberFormat("ru").format;

describe("valueAxisWidth", () => {
  it.each([
    [0, "1"],
    [7, "10"],
    [78_412, "100,000"],
    [96_700, "100,000"],
    [100_000, "1,000,000"],
    [999_999, "1,000,000"],
  ])("leaves room for ticks up to %i as %s, the widest round top tick", (max, top) => {
    expect(valueAxisWidth(max, en)).toBeGreaterThanOrEqual(top.length * AXIS_CHAR_PX);
  });

  it("is wider for the five-digit counts of a 100k workspace than recharts' fixed 60 px less the 20 px the charts had cut", () => {
    expect(valueAxisWidth(80_000, en)).toBeGreaterThan(40);
    expect(valueAxisWidth(80_000, ru)).toBeGreaterThanOrEqual("100 000".length * AXIS_CHAR_PX);
  });
});

describe("categoryAxisWidth", () => {
  it("fits the longest label up to the clip, and no more", () => {
    expect(categoryAxisWidth(["True", "Mostly true"])).toBeGreaterThanOrEqual("Mostly true".length * AXIS_CHAR_PX);
    expect(categoryAxisWidth(["Вводящее в заблуждение высказывание"])).toBe(categoryAxisWidth(["x".repeat(CATEGORY_LABEL_CLIP)]));
    expect(categoryAxisWidth([])).toBeGreaterThan(0);
  });
});
