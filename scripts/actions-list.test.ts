import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The list of user actions in e2e/actions.spec.ts's header (issue #10) names, for each action,
 * the spec file and the title of the browser test that covers it. This keeps the list from
 * rotting: a renamed or removed test, a line that doesn't follow the format, or a new test in
 * an actions*.spec.ts file that the list doesn't mention fails here, without a browser.
 * (It lives under scripts/ because vitest only collects lib/ and scripts/, and Playwright
 * would take a *.test.ts in e2e/ for one of its own.)
 */

const E2E = path.resolve(__dirname, "..", "e2e");
const LIST = path.join(E2E, "actions.spec.ts");

export interface ListedAction {
  action: string;
  file: string;
  title: string;
  line: number;
}

/** The header's action lines (` * - <action> → <file> › <title>`); a `- ` line in another shape is an error. */
export function parseActionList(source: string): { actions: ListedAction[]; malformed: string[] } {
  const end = source.indexOf("*/");
  if (!source.startsWith("/**") || end < 0) return { actions: [], malformed: ["the file doesn't open with a /** … */ header"] };
  const actions: ListedAction[] = [];
  const malformed: string[] = [];
  source
    .slice(0, end)
    .split("\n")
    .forEach((raw, i) => {
      const text = raw.replace(/^\s*\*\s?/, "");
      if (!text.startsWith("- ")) return;
      const m = /^- (.+?) → ([\w.-]+\.spec\.ts) › (.+)$/.exec(text.trimEnd());
      if (m) actions.push({ action: m[1], file: m[2], title: m[3], line: i + 1 });
      else malformed.push(`line ${i + 1}: ${text}`);
    });
  return { actions, malformed };
}

/** The titles of the tests a spec file declares: test("…", …), also .only/.skip/.fixme/.fail. */
export function testTitles(source: string): string[] {
  const titles: string[] = [];
  const call = /\btest(?:\.(?:only|skip|fixme|fail))?\(\s*(["'`])((?:\\.|(?!\1)[^\\])*)\1/g;
  for (let m = call.exec(source); m; m = call.exec(source)) titles.push(m[2].replace(/\\(.)/g, "$1"));
  return titles;
}

const read = (file: string) => fs.readFileSync(path.join(E2E, file), "utf8");

describe("the list of user actions in e2e/actions.spec.ts", () => {
  const { actions, malformed } = parseActionList(fs.readFileSync(LIST, "utf8"));

  it("has every action line in the `- <action> → <file> › <title>` shape", () => {
    expect(malformed).toEqual([]);
    // The inventory is long; a parse that finds a handful means the format changed under it.
    expect(actions.length).toBeGreaterThan(80);
  });

  it("names only spec files that exist, and tests that exist in them", () => {
    const missing = actions.flatMap((a) => {
      if (!fs.existsSync(path.join(E2E, a.file))) return [`line ${a.line}: no file e2e/${a.file}`];
      return testTitles(read(a.file)).includes(a.title) ? [] : [`line ${a.line}: no test "${a.title}" in e2e/${a.file}`];
    });
    expect(missing).toEqual([]);
  });

  it("lists every test written for it (actions*.spec.ts)", () => {
    const listed = new Set(actions.map((a) => `${a.file} › ${a.title}`));
    const unlisted = fs
      .readdirSync(E2E)
      .filter((f) => /^actions.*\.spec\.ts$/.test(f))
      .flatMap((f) => testTitles(read(f)).map((t) => `${f} › ${t}`))
      .filter((t) => !listed.has(t));
    expect(unlisted).toEqual([]);
  });
});

describe("parsing the list", () => {
  it("reads action lines and reports lines in another shape", () => {
    const { actions, malformed } = parseActionList(["/**", " * Intro", " * - Sign in → a.spec.ts › signs in", " * - Sign out, no test named", " */", "- not in the header → b.spec.ts › x"].join("\n"));
    expect(actions).toEqual([{ action: "Sign in", file: "a.spec.ts", title: "signs in", line: 3 }]);
    expect(malformed).toEqual(["line 4: - Sign out, no test named"]);
  });

  it("finds test titles in any quotes, with escapes", () => {
    const source = ['test("a \\"quoted\\" title", async () => {});', "test('it\\'s single', () => {});", "test.skip(`back`, () => {});", 'test.describe("not a test", () => {});'].join("\n");
    expect(testTitles(source)).toEqual(['a "quoted" title', "it's single", "back"]);
  });
});
