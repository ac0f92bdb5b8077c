import { Marked } from "marked";
import { DomainError, invalid, said } from "@/lib/errors";
import type { DocNode } from "../document";
import { htmlToDoc } from "./html-to-doc";
import { markdownToHtmlOffThread } from "./markdown-worker";
import { runCooperatively, runNow, type Steps } from "./steps";

const marked = new Marked({ gfm: true, async: false });

/**
 * Quotes and lists nested deeper than this are refused. marked parses them
 * recursively: 2,000 nested quotes overflowed the stack, 1,000 nested list
 * levels ran for minutes, and a few thousand lines each one quote deeper than
 * the last exhausted the heap. Real articles stay far below.
 */
export const MAX_MARKDOWN_NESTING = 32;

/**
 * The deepest nesting a Markdown text asks for, estimated line by line without
 * parsing: the quote (`>`) and list markers opening a line, plus its leading
 * indentation (a nested list needs at least two columns more per level).
 * Lines inside fenced code blocks don't count. Linear, character by character.
 */
export function markdownNesting(markdown: string): number {
  return runNow(markdownNestingSteps(markdown));
}

export function* markdownNestingSteps(markdown: string): Steps<number> {
  let deepest = 0;
  let checkpoint = 0;
  let fence = "";
  let i = 0;
  const n = markdown.length;
  const at = (k: number) => markdown.charCodeAt(k);
  const SPACE = 32, TAB = 9, NL = 10, GT = 62, DASH = 45, PLUS = 43, STAR = 42, DOT = 46, PAREN = 41, TICK = 96, TILDE = 126;
  const isDigit = (c: number) => c >= 48 && c <= 57;
  const isGap = (c: number) => c === SPACE || c === TAB || c === NL || Number.isNaN(c);
  while (i < n) {
    let indent = 0;
    while (at(i) === SPACE || at(i) === TAB) indent += at(i++) === TAB ? 4 : 1;
    // A fence (``` or ~~~) opens or closes a code block; lines inside it are code.
    const c0 = at(i);
    if ((c0 === TICK || c0 === TILDE) && indent <= 3) {
      let run = 0;
      while (at(i + run) === c0) run++;
      if (run >= 3) {
        const mark = String.fromCharCode(c0).repeat(run);
        if (!fence) fence = mark;
        else if (mark[0] === fence[0] && run >= fence.length) fence = "";
      }
    }
    let depth = 0;
    if (!fence) {
      for (;;) {
        while (at(i) === SPACE || at(i) === TAB) i++;
        const c = at(i);
        if (c === GT) {
          i++;
        } else if ((c === DASH || c === PLUS || c === STAR) && isGap(at(i + 1))) {
          i++;
        } else if (isDigit(c)) {
          let j = i;
          while (isDigit(at(j)) && j - i < 9) j++;
          if ((at(j) === DOT || at(j) === PAREN) && isGap(at(j + 1))) i = j + 1;
          else break;
        } else {
          break;
        }
        depth++;
      }
      deepest = Math.max(deepest, depth + Math.ceil(indent / 2));
    }
    const next = markdown.indexOf("\n", i);
    i = next < 0 ? n : next + 1;
    if (i - checkpoint > 64 * 1024) {
      checkpoint = i;
      yield;
    }
  }
  return deepest;
}

const label = (filename?: string | null) => (filename ? `"${filename}"` : "The text");

function tooDeep(filename?: string | null) {
  const message = `Quotes or lists are nested too deeply (more than ${MAX_MARKDOWN_NESTING} levels).`;
  return invalid(`${label(filename)}: ${message}`, { content: said("file_markdown_nesting", message, { limit: MAX_MARKDOWN_NESTING }) });
}

/** Markdown to HTML with `marked`, in this thread. Refuses nesting past MAX_MARKDOWN_NESTING (400 naming the file). */
export function markdownToHtml(markdown: string, filename?: string | null): string {
  if (markdownNesting(markdown) > MAX_MARKDOWN_NESTING) throw tooDeep(filename);
  return marked.parse(markdown, { async: false });
}

/**
 * The same for servers: marked runs in a worker thread with time and memory
 * limits (markdown-worker.ts). Should a worker fail to start at all, it runs
 * here instead, so imports keep working.
 */
export async function markdownToHtmlAsync(markdown: string, filename?: string | null): Promise<string> {
  if ((await runCooperatively(markdownNestingSteps(markdown))) > MAX_MARKDOWN_NESTING) throw tooDeep(filename);
  try {
    return await markdownToHtmlOffThread(markdown, label(filename));
  } catch (err) {
    if (err instanceof DomainError) throw err;
    console.warn(`Markdown worker unavailable, converting in the request thread: ${(err as Error).message}`);
    return marked.parse(markdown, { async: false });
  }
}

export function markdownToDoc(markdown: string): DocNode {
  return htmlToDoc(markdownToHtml(markdown));
}
