import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";
import type { Steps } from "./steps";

/**
 * Elements nested deeper than this are flattened: their tags are removed and
 * their content joins the element at this depth, as browsers do (Chromium's
 * parser stops nesting at 512). Real articles stay far below.
 *
 * Why: htmlparser2 keeps its open elements in an array it shifts at the front,
 * so each tag costs as much as the current depth, and 100,000 nested elements
 * took ~30 s of one CPU; the recursive walks after it then overflowed the
 * stack. Removing the excess tags first, with the tokenizer alone (linear,
 * no tree), bounds both.
 */
export const MAX_HTML_DEPTH = 256;

/** Elements that never have content (htmlparser2's list): they never add depth. */
const VOID = new Set(["area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "img", "input", "isindex", "keygen", "link", "meta", "param", "source", "track", "wbr"]);

// Opening one of these closes an open element named in its set, as htmlparser2's parser does (its openImpliesClose).
const P = new Set(["p"]);
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "p"]);
const FORM = new Set(["input", "option", "optgroup", "select", "button", "datalist", "textarea"]);
const DDT = new Set(["dt", "dd"]);
const RTP = new Set(["rt", "rp"]);
const TABLE_SECTION = new Set(["thead", "tbody"]);
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ["tr", new Set(["tr", "th", "td"])],
  ["th", new Set(["th"])],
  ["td", new Set(["thead", "th", "td"])],
  ["body", new Set(["head", "link", "script"])],
  ["a", new Set(["a"])],
  ["li", new Set(["li"])],
  ...["h1", "h2", "h3", "h4", "h5", "h6"].map((h): [string, Set<string>] => [h, HEADINGS]),
  ...["select", "input", "output", "button", "datalist", "textarea"].map((t): [string, Set<string>] => [t, FORM]),
  ["option", new Set(["option"])],
  ["optgroup", new Set(["optgroup", "option"])],
  ["dd", DDT],
  ["dt", DDT],
  ["rt", RTP],
  ["rp", RTP],
  ["tbody", TABLE_SECTION],
  ["tfoot", TABLE_SECTION],
  ...["p", "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "main", "nav", "ol", "pre", "section", "table", "ul"].map(
    (t): [string, Set<string>] => [t, P],
  ),
]);

const CHUNK = 16 * 1024;

/**
 * The HTML with every start tag that would open an element deeper than
 * `maxDepth`, and its end tag, cut out; everything else, text included, is
 * kept byte for byte. Depth is tracked the way htmlparser2's parser nests
 * (void elements, implied end tags), erring towards deeper, so what the parser
 * later builds is never deeper than `maxDepth`. Yields between chunks.
 */
export function* limitNesting(html: string, maxDepth = MAX_HTML_DEPTH): Steps<string> {
  const stack: string[] = [];
  const dropped = new Map<string, number>();
  /** [start, end) ranges of html to leave out, in order. */
  const cuts: number[] = [];
  let openName = "";
  let openStart = 0;
  let openDropped = false;

  const name = (start: number, end: number) => html.slice(start, end).toLowerCase();
  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      openName = name(start, end);
      openStart = start - 1;
      const implied = IMPLIES_CLOSE.get(openName);
      if (implied) while (stack.length && implied.has(stack[stack.length - 1])) stack.pop();
      openDropped = false;
      if (VOID.has(openName)) return;
      if (stack.length >= maxDepth) {
        openDropped = true;
        dropped.set(openName, (dropped.get(openName) ?? 0) + 1);
      } else {
        stack.push(openName);
      }
    },
    onopentagend(end) {
      if (openDropped) cuts.push(openStart, end + 1);
      openDropped = false;
    },
    onselfclosingtag(end) {
      // In HTML "<div/>" still opens a div (only svg and math content closes itself): counted as open, the deeper guess.
      if (openDropped) cuts.push(openStart, end + 1);
      openDropped = false;
    },
    onclosetag(start, end) {
      const tag = name(start, end);
      const waiting = dropped.get(tag) ?? 0;
      if (waiting > 0) {
        dropped.set(tag, waiting - 1);
        const close = html.indexOf(">", end);
        cuts.push(start - 2, close < 0 ? html.length : close + 1);
        return;
      }
      const at = stack.lastIndexOf(tag);
      if (at >= 0) stack.length = at;
    },
    onattribdata() {},
    onattribentity() {},
    onattribend() {},
    onattribname() {},
    oncdata() {},
    oncomment() {},
    ondeclaration() {},
    onend() {},
    onprocessinginstruction() {},
    ontext() {},
    ontextentity() {},
  };
  const tokenizer = new Tokenizer({ decodeEntities: false }, callbacks);
  for (let i = 0; i < html.length; i += CHUNK) {
    tokenizer.write(html.slice(i, i + CHUNK));
    yield;
  }
  tokenizer.end();
  if (!cuts.length) return html;
  yield;
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < cuts.length; i += 2) {
    if (i % 8192 === 0) yield;
    if (cuts[i] < from) continue;
    parts.push(html.slice(from, cuts[i]));
    from = cuts[i + 1];
  }
  parts.push(html.slice(from));
  return parts.join("");
}
