import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * The one accessibility check of the browser tests: axe-core's serious and critical findings on
 * the page, as readable lines (rule, impact, help, first elements).
 *
 * It waits for the page's title first. Next streams `<title>` after the body (metadata
 * streaming) and replaces it when the page refreshes (router.refresh() after a save), so axe run
 * in that moment reports "document-title" on a page that has one (CI, stop 23). Every page here
 * has a title, so waiting for one never hides a page that lacks it: the wait fails instead.
 */

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface AxeScope {
  /** A CSS selector to judge only part of the page (a dialog, the main landmark). */
  include?: string;
  /** "wcag" (default): the WCAG 2.0/2.1 A and AA rules; "all": every rule axe-core has, best practices too. */
  rules?: "wcag" | "all";
}

export async function seriousAxeViolations(page: Page, { include, rules = "wcag" }: AxeScope = {}): Promise<string[]> {
  await expect(page).toHaveTitle(/\S/);
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  if (rules === "wcag") builder = builder.withTags(WCAG_TAGS);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("\n    ")}`);
}

export interface AxeCheck extends AxeScope {
  /** What a failure names ("reader with the Undo notice"); "the page" unless said. */
  what?: string;
}

/**
 * Fails the test with every serious or critical axe-core finding on the page. `check` is what a
 * failure names, or that and the scope together.
 */
export async function expectNoSeriousAxeViolations(page: Page, check: string | AxeCheck = {}): Promise<void> {
  const { what = "the page", ...scope } = typeof check === "string" ? { what: check } : check;
  expect(await seriousAxeViolations(page, scope), `${what}: axe-core violations`).toEqual([]);
}
