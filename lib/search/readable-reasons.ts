import { isPlace } from "./places";

/**
 * Why a suggestion matched, in words a person reads (finding F5): the matched
 * lexemes are internal forms (the stem гарант, the date 0d20211217, the
 * transliteration sergey), so each is shown as the selection and the claim
 * write it, found by search_surfaces() (migration search_surfaces):
 * "17 December 2021 ↔ 17 декабря 2021", "Sergey Ryabkov ↔ Сергей Рябков",
 * "guarantees" when both write it alike.
 */

/** [lexeme, the words as the text has them, the position of their first word]. */
export type Surface = [lexeme: string, surface: string, position: number];

interface Found {
  text: string;
  start: number;
  end: number;
}

interface Side {
  selection?: Found;
  claim?: Found;
}

type Kind = "name" | "date" | "number" | "words" | "spelling";
/** What readableReasons gives: a matched name that is a listed place is a "place" (lib/search/places.ts). */
type Shown = Kind | "place";

/** Name keys (migration name_keys: 0k…, a word's; 0f…, a first name and surname's) mean nothing written out. */
const NAME_KEY = /^0[kf]/;

const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

function index(surfaces: Surface[]): Map<string, Found> {
  return new Map(surfaces.map(([lexeme, text, start]) => [lexeme, { text, start, end: start + Math.max(1, wordCount(text)) - 1 }]));
}

/** One side, or both when they differ ("a ↔ b"); the fallback when neither text has the lexeme's words (it matched in a mention's quote, say). */
function pair(side: Side, fallback: string): string {
  const a = side.selection?.text;
  const b = side.claim?.text;
  if (a && b) return a.toLocaleLowerCase() === b.toLocaleLowerCase() ? a : `${a} ↔ ${b}`;
  return a ?? b ?? fallback;
}

/** A first name and a surname next to each other, in both texts, are one name; a place beside a name is not part of it («Германии Олаф»). */
function joinNames(sides: Side[]): Side[] {
  const withPosition = sides.filter((s) => s.selection).sort((x, y) => x.selection!.start - y.selection!.start);
  const out: Side[] = [];
  for (const s of withPosition) {
    const last = out.at(-1);
    const next = (a?: Found, b?: Found) => !!a && !!b && b.start === a.end + 1;
    if (last && next(last.selection, s.selection) && (!last.claim || !s.claim || next(last.claim, s.claim)) && placeSide(last) === placeSide(s)) {
      const join = (a?: Found, b?: Found): Found | undefined => (a && b ? { text: `${a.text} ${b.text}`, start: a.start, end: b.end } : (a ?? b));
      out[out.length - 1] = { selection: join(last.selection, s.selection), claim: join(last.claim, s.claim) };
    } else out.push(s);
  }
  return [...out, ...sides.filter((s) => !s.selection)];
}

const within = (inner?: Found, outer?: Found) => !inner || (!!outer && outer.text.includes(inner.text));

const span = (f?: Found) => (f ? f.end - f.start + 1 : 0);
const inside = (inner?: Found, outer?: Found) => !inner || (!!outer && inner.start >= outer.start && inner.end <= outer.end);

/**
 * A name's words reached through several lexemes (the word, its name key, the
 * full name's key: "Sergei Ryabkov", "Sergei", "Ryabkov") once, as the
 * longest: a side inside another side in both texts is left out.
 */
function outermost(sides: Side[]): Side[] {
  const kept: Side[] = [];
  for (const s of [...sides].sort((a, b) => span(b.selection) + span(b.claim) - span(a.selection) - span(a.claim))) {
    if (!kept.some((k) => inside(s.selection, k.selection) && inside(s.claim, k.claim))) kept.push(s);
  }
  return sides.filter((s) => kept.includes(s));
}

/** A name side whose words, in either text, are all listed places (one word or several: «Соединённые Штаты ↔ United States»). */
function placeSide(side: Side): boolean {
  return [side.selection?.text, side.claim?.text].some((t) => !!t && isPlace(t));
}

/**
 * The terms of each reason, readable, strongest first as given, without
 * repeats: the same words reached through two lexemes (sergey, sergei) once;
 * a date's parts (its month, its day, its numbers, in "number" too) not
 * beside the whole date, nor a number's digits beside it with its scale
 * (500 beside 500 million). `fallback` shows a lexeme neither text spells (one
 * matched in a mention's quote) as before.
 */
export function readableReasons(
  groups: Map<Kind, string[]>,
  selection: Surface[],
  claim: Surface[],
  fallback: (lexeme: string) => string,
): Map<Shown, string[]> {
  const bySelection = index(selection);
  const byClaim = index(claim);
  const dates: Side[] = [];
  const out = new Map<Shown, string[]>();
  for (const kind of ["date", "number", "name", "words", "spelling"] as Kind[]) {
    const lexemes = groups.get(kind);
    if (!lexemes) continue;
    let sides = lexemes.map((lexeme) => ({ lexeme, side: { selection: bySelection.get(lexeme), claim: byClaim.get(lexeme) } as Side }));
    if (kind === "date" || kind === "number") sides = [...sides].sort((a, b) => (b.side.selection?.text.length ?? 0) - (a.side.selection?.text.length ?? 0));
    if (kind === "name") {
      const spelled = sides.filter((s) => s.side.selection || s.side.claim);
      sides = [
        ...outermost(joinNames(spelled.map((s) => s.side))).map((side) => ({ lexeme: "", side })),
        ...sides.filter((s) => !s.side.selection && !s.side.claim && !NAME_KEY.test(s.lexeme)),
      ];
    }
    const shown: string[] = [];
    const places: string[] = [];
    for (const { lexeme, side } of sides) {
      const spelled = !!(side.selection || side.claim);
      if ((kind === "date" || kind === "number") && spelled && dates.some((k) => within(side.selection, k.selection) && within(side.claim, k.claim))) continue;
      const text = spelled ? pair(side, lexeme) : fallback(lexeme);
      const list = kind === "name" && (spelled ? placeSide(side) : isPlace(text)) ? places : shown;
      if (list.includes(text)) continue;
      if ((kind === "date" || kind === "number") && spelled) dates.push(side);
      list.push(text);
    }
    if (shown.length) out.set(kind, shown);
    if (places.length) out.set("place", places);
  }
  return out;
}
