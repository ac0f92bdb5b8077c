import { describe, expect, it } from "vitest";
import { canonicalText } from "../document";
import { parseArticle } from "./parse-file";
import { docFromLines, textParagraphs } from "./text-to-doc";
import { looksLikeHeadline, titleFromWords } from "./title";

describe("plain text to the document model", () => {
  it("splits paragraphs at blank lines (whitespace-only lines too) and keeps single newlines as hard breaks", () => {
    const source = "  First para\r\nsame para, next line\r\n\r\n \t \nSecond “para” — • Кириллица  \n\n\n\nThird\rline";
    expect(textParagraphs(source)).toEqual([["First para", "same para, next line"], ["Second “para” — • Кириллица"], ["Third", "line"]]);
    const doc = docFromLines(textParagraphs(source));
    expect(doc.content?.[0]).toEqual({
      type: "paragraph",
      content: [{ type: "text", text: "First para" }, { type: "hardBreak" }, { type: "text", text: "same para, next line" }],
    });
    expect(canonicalText(doc)).toBe("First para\nsame para, next line\n\nSecond “para” — • Кириллица\n\nThird\nline");
  });

  it("changes no character inside a paragraph (tabs, inner spaces, indentation of later lines)", () => {
    const paragraph = "a\t b  c\n   indented ‘x’…\u00a0end";
    expect(canonicalText(docFromLines(textParagraphs(`Lead\n\n${paragraph}`)))).toBe(`Lead\n\n${paragraph}`);
  });

  it("takes each line as a paragraph when the text has no blank line at all", () => {
    const source = "\nHeadline here\nFirst paragraph.\n  Second paragraph.  \n";
    expect(textParagraphs(source)).toEqual([["Headline here"], ["First paragraph."], ["Second paragraph."]]);
  });
});

describe("titles", () => {
  it("recognises a headline: short, no final period, not a list item", () => {
    expect(looksLikeHeadline("Moscow answers Washington")).toBe(true);
    expect(looksLikeHeadline("Will the talks resume?")).toBe(true);
    expect(looksLikeHeadline("He said it was over.")).toBe(false);
    expect(looksLikeHeadline("He said it was “over.”")).toBe(false);
    expect(looksLikeHeadline("• A bullet")).toBe(false);
    expect(looksLikeHeadline("- a list item")).toBe(false);
    expect(looksLikeHeadline("1. First point")).toBe(false);
    expect(looksLikeHeadline("According to the diplomat,")).toBe(false);
    expect(looksLikeHeadline("x".repeat(201))).toBe(false);
    expect(looksLikeHeadline("2022")).toBe(false);
  });

  it("falls back to the first words, cut at a word boundary with an ellipsis", () => {
    expect(titleFromWords("Short text here.")).toBe("Short text here.");
    expect(titleFromWords("One two three four five six seven eight nine ten eleven twelve thirteen fourteen")).toBe(
      "One two three four five six seven eight nine ten…",
    );
    expect(titleFromWords("Alpha beta gamma delta epsilon zeta eta theta iota kappa, lambda mu nu")).toBe("Alpha beta gamma delta epsilon zeta eta theta iota kappa…");
    expect(titleFromWords(`${"long".repeat(40)} word`)).toBe(`${"long".repeat(30)}…`);
  });

  it("takes a headline first line out of the body; keeps it when it isn't one or when a title is given", () => {
    const headline = parseArticle({ filename: "a.txt", content: "A headline\nFirst paragraph.\n\nSecond." });
    expect(headline.guess.title).toBe("A headline");
    expect(canonicalText(headline.doc)).toBe("First paragraph.\n\nSecond.");

    const separate = parseArticle({ filename: "a.txt", content: "A headline\n\nFirst paragraph." });
    expect(separate.guess.title).toBe("A headline");
    expect(canonicalText(separate.doc)).toBe("First paragraph.");

    const sentence = parseArticle({ filename: "a.txt", content: "It begins with a sentence.\n\nThen more." });
    expect(sentence.guess.title).toBe("It begins with a sentence. Then more.");
    expect(canonicalText(sentence.doc)).toBe("It begins with a sentence.\n\nThen more.");

    const alone = parseArticle({ filename: "a.txt", content: "Only a headline" });
    expect(canonicalText(alone.doc)).toBe("Only a headline");

    const given = parseArticle({ filename: "a.txt", content: "A headline\n\nBody.", hasTitle: true });
    expect(canonicalText(given.doc)).toBe("A headline\n\nBody.");
  });

  it("uses a leading <h1> as the title of HTML and Markdown, else <title>", () => {
    const md = parseArticle({ filename: "a.md", content: "# The headline\n\nBody text." });
    expect(md.guess.title).toBe("The headline");
    expect(canonicalText(md.doc)).toBe("Body text.");
    const html = parseArticle({ filename: "a.html", content: "<html><head><title>Page title</title></head><body><p>Intro</p><h1>Later h1</h1></body></html>" });
    expect(html.guess.title).toBe("Later h1");
    expect(canonicalText(html.doc)).toBe("Intro\n\nLater h1");
    expect(parseArticle({ filename: "a.htm", content: "<title>Page title</title><p>Body</p>" }).guess.title).toBe("Page title");
  });
});

describe("formats and bad input", () => {
  it("picks the format from the file name, or HTML for a pasted web page", () => {
    expect(parseArticle({ filename: "x.MARKDOWN", content: "*a*" }).format).toBe("markdown");
    expect(parseArticle({ filename: "x.htm", content: "a" }).format).toBe("html");
    expect(parseArticle({ content: "<!DOCTYPE html><p>a</p>" }).format).toBe("html");
    expect(parseArticle({ content: "<p>a</p>" }).format).toBe("text");
    expect(parseArticle({ filename: "x.pdf", content: "<p>a</p>", format: "html" }).format).toBe("html");
  });

  it("takes stray NUL and other control characters out and keeps the text around them", () => {
    const parsed = parseArticle({ filename: "stray.txt", content: "Head\u0000line\n\nThe rate\u0007 fell\u001b by 2\u0000%.\tTabs stay." });
    expect(parsed.guess.title).toBe("Headline");
    expect(parsed.doc.content).toEqual([{ type: "paragraph", content: [{ type: "text", text: "The rate fell by 2%.\tTabs stay." }] }]);
    const html = parseArticle({ filename: "page.html", content: "<h1>Title</h1><p>Body\u0000 text\u0001.</p>" });
    expect(JSON.stringify(html.doc)).toContain("Body text.");
    expect(() => parseArticle({ filename: "nul.txt", content: "\u0000\u0001 \u0000" })).toThrow('"nul.txt" is empty.');
  });

  it("refuses other file types, empty, binary and oversized content with the file's name", () => {
    expect(() => parseArticle({ filename: "photo.png", content: "PNG" })).toThrow('"photo.png" is a .png file');
    expect(() => parseArticle({ filename: "blank.txt", content: " \n\t\n" })).toThrow('"blank.txt" is empty.');
    expect(() => parseArticle({ filename: "only-tags.html", content: "<script>x</script><p> </p>" })).toThrow('"only-tags.html" has no text.');
    expect(() => parseArticle({ filename: "bin.txt", content: "PK\u0003\u0004\u0000\u0000".repeat(50) })).toThrow('"bin.txt" is not a text file: it is full of NUL');
    expect(() => parseArticle({ filename: "utf16.txt", content: [..."Text saved as UTF-16"].join("\u0000") })).toThrow("saved as UTF-16");
    expect(() => parseArticle({ filename: "big.txt", content: "x".repeat(5 * 1024 * 1024 + 1) })).toThrow('"big.txt" is larger than 5 MB.');
    expect(parseArticle({ filename: "bom.txt", content: "\uFEFFBody." }).doc.content).toEqual([{ type: "paragraph", content: [{ type: "text", text: "Body." }] }]);
  });
});
