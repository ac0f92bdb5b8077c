import fs from "node:fs";
import path from "node:path";
import { expect, type Browser, type Locator, type Page } from "@playwright/test";

let counter = 0;
/**
 * A person no other test has used: runs share nothing, tests within a run neither. The worker's index keeps
 * two workers' people apart (each counts from 0, and may do so in the same millisecond).
 */
export function newPerson(label: string) {
  counter += 1;
  const id = `${Date.now().toString(36)}w${process.env.TEST_WORKER_INDEX ?? "0"}n${counter}`;
  return { name: `${label} ${id}`, email: `${label.toLowerCase()}.${id}@example.test`, password: `pw-${id}-long-enough` };
}

export type Person = ReturnType<typeof newPerson>;

export async function signUp(page: Page, person: Person) {
  await page.goto("/signup");
  await fillSignUp(page, person);
}

/** Fills and sends the sign-up form already on screen. */
export async function fillSignUp(page: Page, person: Person) {
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Signs up from the sign-up page and waits for the workspace list it lands on. */
export async function signUpAndLand(page: Page, person: Person) {
  await signUp(page, person);
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
}

/**
 * The form's own alert. Next.js adds a route announcer with the same role, which reads out the
 * page's title after a client-side navigation (pages have titles now), so it is left out by its id.
 */
export function formAlert(page: Page) {
  return page.getByRole("alert").filter({ hasText: /\S/ }).and(page.locator(":not(#__next-route-announcer__)"));
}

export async function signIn(page: Page, person: Pick<Person, "email" | "password">) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function createWorkspace(page: Page, name: string): Promise<string> {
  await page.goto("/");
  await page.getByLabel("Workspace name").fill(name);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return new URL(page.url()).pathname.split("/")[2];
}

/**
 * Invites a new person with the given role through Members → "Create invite link";
 * they sign up through the link in a browser context of their own and join.
 */
export async function inviteMember(
  browser: Browser,
  admin: Page,
  slug: string,
  role: "viewer" | "annotator" | "reviewer" | "admin",
  label = "Teammate",
  /** Another app instance for the newcomer's browser (E2E_BASE_URL_2): the link is followed there. */
  baseURL?: string,
) {
  await admin.goto(`/w/${slug}`);
  await admin.getByRole("link", { name: "Members" }).click();
  await admin.getByLabel("Invite as").selectOption(role);
  await admin.getByRole("button", { name: "Create invite link" }).click();
  const link = await admin.getByLabel("Invite link").inputValue();

  const context = await browser.newContext(baseURL ? { baseURL } : {});
  const page = await context.newPage();
  const person = newPerson(label);
  await page.goto(baseURL ? new URL(new URL(link).pathname + new URL(link).search, baseURL).toString() : link);
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.waitForURL(/\/signup\?invite=/);
  // Signing up through the link joins the workspace in the same step.
  await fillSignUp(page, person);
  await page.waitForURL(new RegExp(`/w/${slug}$`));
  return { context, page, person };
}

// ---------------------------------------------------------------- the reference corpus

/**
 * The reference corpus, read at runtime from /work/shared/corpus (never copied
 * into the repository); tests pick sentences from it by position or by a few
 * words, so no corpus text is written into the test files either.
 */
export const CORPUS = path.resolve(process.cwd(), "../shared/corpus");
export const corpusFiles = fs
  .readdirSync(CORPUS)
  .filter((f) => f.endsWith(".txt"))
  .sort();
export const corpusPath = (prefix: string) => path.join(CORPUS, corpusFiles.find((f) => f.startsWith(prefix))!);

/** A plain-text file's paragraphs, split at blank lines. */
export function paragraphs(file: string): string[] {
  return fs
    .readFileSync(file, "utf8")
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export const sentences = (paragraph: string) => paragraph.split(/(?<=[.!?])\s+/);
export const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** The first sentence of a corpus file containing every one of `needles`. */
export function corpusSentence(file: string, ...needles: string[]): string {
  const found = paragraphs(file)
    .flatMap((p) => p.split("\n"))
    .flatMap((line) => sentences(line.trim()))
    .find((s) => needles.every((n) => s.includes(n)));
  if (!found) throw new Error(`No sentence with ${needles.join(", ")} in ${path.basename(file)}`);
  return found;
}

/**
 * The title the importer gives a corpus file: 001, 003 and 004 open with a
 * headline, which becomes the title; 000 and 002 don't, so their title is
 * their first ten words and an ellipsis.
 */
export function corpusTitle(file: string): string {
  const name = path.basename(file);
  return /^00[134]_/.test(name) ? paragraphs(file)[0].split("\n")[0] : `${words(fs.readFileSync(file, "utf8")).slice(0, 10).join(" ")}…`;
}

export function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// ---------------------------------------------------------------- articles and the reader

/** Workspace page → "Add articles" → chooses the files and imports them (no details given); each row reaches the expected status. */
export async function uploadFiles(page: Page, slug: string, files: Parameters<Locator["setInputFiles"]>[0], expected: Record<string, RegExp | string>) {
  await page.goto(`/w/${slug}`);
  await page.getByRole("link", { name: "Add articles" }).click();
  await expect(page.getByRole("heading", { name: "Add articles" })).toBeVisible();
  await page.getByLabel("Choose files").setInputFiles(files);
  await page.getByRole("button", { name: /^Import \d+ files?$/ }).click();
  const uploads = page.getByRole("list", { name: "Uploads" });
  for (const [name, status] of Object.entries(expected)) {
    await expect(uploads.getByRole("listitem").filter({ hasText: name })).toContainText(status);
  }
}

/** Uploads the five corpus files into the workspace; each is added. */
export async function importCorpus(page: Page, slug: string) {
  await uploadFiles(
    page,
    slug,
    corpusFiles.map((f) => path.join(CORPUS, f)),
    Object.fromEntries(corpusFiles.map((f) => [f, "Added"])),
  );
}

/** Opens a corpus article from the workspace's list; returns its path. */
export async function openCorpusArticle(page: Page, slug: string, file: string): Promise<string> {
  const title = corpusTitle(file);
  await page.goto(`/w/${slug}`);
  await page.getByRole("list", { name: "Articles" }).getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(articleText(page)).toBeVisible();
  return new URL(page.url()).pathname;
}

export const articleText = (page: Page) => page.getByTestId("article-text");
export const selectionToolbar = (page: Page) => page.getByRole("toolbar", { name: "Selection" });
export const highlight = (page: Page, id: string) => page.locator(`.ct-hl[data-ids~="${id}"]`);

type Point = { x: number; y: number };

/**
 * Viewport points just inside the first character of `from` and the last
 * character of `to` (searched from `from` on), in the text of `root`. The text
 * is the concatenation of its text nodes, so highlights splitting them don't
 * matter. Scrolls the start into view first.
 */
export async function textPoints(root: Locator, from: string, to: string = from): Promise<{ start: Point; end: Point }> {
  return root.evaluate(
    (el, { from, to }) => {
      const nodes: Text[] = [];
      const starts: number[] = [];
      let full = "";
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        starts.push(full.length);
        nodes.push(n as Text);
        full += (n as Text).data;
      }
      const s = full.indexOf(from);
      if (s < 0) throw new Error(`Not in the text: ${from}`);
      const e = full.indexOf(to, s);
      if (e < 0) throw new Error(`Not in the text after the start: ${to}`);
      const last = e + to.length - 1;
      const at = (offset: number) => {
        let i = starts.length - 1;
        while (starts[i] > offset) i--;
        return { node: nodes[i], offset: offset - starts[i] };
      };
      const charRect = (offset: number) => {
        const { node, offset: o } = at(offset);
        const range = document.createRange();
        range.setStart(node, o);
        range.setEnd(node, o + 1);
        const rects = range.getClientRects();
        return rects[rects.length - 1] ?? range.getBoundingClientRect();
      };
      at(s).node.parentElement!.scrollIntoView({ block: "center" });
      const a = charRect(s);
      const b = charRect(last);
      return { start: { x: a.left + 1, y: a.top + a.height / 2 }, end: { x: b.right - 1, y: b.top + b.height / 2 } };
    },
    { from, to },
  );
}

/** A real mouse drag from the first character of `from` to the last character of `to`. */
export async function mouseSelect(page: Page, root: Locator, from: string, to: string = from) {
  const { start, end } = await textPoints(root, from, to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 4 });
  await page.mouse.up();
}

/** Opens the article of that title from the workspace's list, and waits for its text. */
export async function openArticleTitled(page: Page, slug: string, title: string) {
  await page.goto(`/w/${slug}`);
  await page.getByRole("list", { name: "Articles" }).getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(articleText(page)).toBeVisible();
}

/** Selects `sentence` in the open article and opens "Mark as claim" on it (English UI). */
export async function openMarkAsClaim(page: Page, sentence: string) {
  await mouseSelect(page, articleText(page), sentence);
  await expect(selectionToolbar(page)).toBeVisible();
  await selectionToolbar(page).getByRole("button", { name: /^Mark as claim/ }).click();
  await expect(page.getByRole("dialog", { name: "Mark as claim" })).toBeVisible();
}
