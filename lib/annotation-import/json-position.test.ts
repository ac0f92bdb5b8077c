import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translator";
import { fieldLabel } from "./describe";
import { jsonErrorOffset, jsonErrorPlace } from "./json-position";

describe("where a file stops being JSON", () => {
  it("names the line and column, and what is there", () => {
    expect(jsonErrorPlace('[\n  {"a": 1},\n  {"b": tru}\n]')).toBe('line 3, column 9: unexpected "t"');
    expect(jsonErrorPlace("this is not JSON")).toBe('line 1, column 1: unexpected "t"');
    expect(jsonErrorPlace('{"a": [1, 2')).toBe("line 1, column 12: the file ends too soon");
    expect(jsonErrorPlace('{"text": "truncated', "line")).toBe("column 20: the line ends too soon");
    expect(jsonErrorPlace('{"a": 1} x')).toBe('line 1, column 10: unexpected "x"');
    expect(jsonErrorPlace('{"a": 1, }')).toBe('line 1, column 10: unexpected "}"');
    expect(jsonErrorPlace('{"a": "🐟\u0001"}')).toBe('line 1, column 10: unexpected "\\u0001"');
    expect(jsonErrorPlace('[1, 2, {"nested": [true, false, null, -1.5e3, "\\u00e9\\n"]}]')).toBeNull();
  });

  it("agrees with JSON.parse on what is JSON, deep nesting included", () => {
    const samples = [
      "", " ", "0", "01", "-", "-0", "1.", "1.5", "1e", "1e+2", "[]", "[,]", "[1,]", "{}", '{"a"}', '{"a":}', '{"a":1,"b":2}', '{"a":1 "b":2}',
      '"\\x"', '"\\u12"', '"\\u12ab"', "tru", "true", "nul", "[[[]]]", "[[[]]", '{"a":[{"b":{}}]}', '"a\tb"', "\uFEFF{}", "[1] [2]",
      "[".repeat(20_000) + "]".repeat(20_000), "[".repeat(20_000) + "]".repeat(19_999),
    ];
    for (const s of samples) {
      let parses = true;
      try {
        JSON.parse(s);
      } catch {
        parses = false;
      }
      expect(jsonErrorOffset(s) === -1, JSON.stringify(s.slice(0, 40))).toBe(parses);
    }
  });
});

describe("field names in words", () => {
  it("reads JSON paths, lines and bundle paths; the file as a whole has none", () => {
    expect(fieldLabel("content")).toBeNull();
    expect(fieldLabel("_")).toBeNull();
    expect(fieldLabel("line 4")).toBe("Line 4");
    expect(fieldLabel("[1].data.text")).toBe("Entry 2 (data.text)");
    expect(fieldLabel("[0].annotations[0].result[2].value.labels[0]")).toBe("Entry 1, annotation 1, result 3 (value.labels[0])");
    expect(fieldLabel("rows[0].target")).toBe("Entry 1 (target)");
    expect(fieldLabel("first.items[3]")).toBe("Entry 4");
    expect(fieldLabel("articles.3.title")).toBe("articles #4 › title");
  });

  it("names places in the import form's language, from the Russian catalogue", async () => {
    const t = await translatorFor("ru", "articles");
    const words = { line: (line: number) => t("problem.line", { line }), entry: (entry: number) => t("problem.entry", { entry }), entryResult: (entry: number, annotation: number, result: number) => t("problem.entryResult", { entry, annotation, result }) };
    expect(fieldLabel("line 4", words)).toBe("Строка 4");
    expect(fieldLabel("[1].data.text", words)).toBe("Запись 2 (data.text)");
    expect(fieldLabel("[0].annotations[0].result[2].value.labels[0]", words)).toBe("Запись 1, аннотация 1, результат 3 (value.labels[0])");
  });
});
