/**
 * Places among the names a suggestion matched (finding S14): a matched
 * country or capital is labelled "Place", not "Name". The search has no
 * gazetteer: names are any capitalised words, so this is a short list of the
 * countries, capitals and regions a Russia/Ukraine desk meets, each as the
 * start of its forms in English, Russian and Ukrainian (declined forms share
 * it: России, Росії; Брюсселе; Киеве, Києві). A stem is matched against the
 * start of each word shown (lower-cased); a word that merely starts like a
 * place (Francesca) is excluded by the length check: at most four letters
 * beyond the stem, one beyond a stem of three letters (Рима, not Римма).
 */
const PLACE_STEMS = [
  // countries
  "russia", "росси", "росі", "росія", "ukrain", "украин", "україн", "belarus", "беларус", "білорус", "германи", "німеччин", "germany",
  "france", "франци", "франці", "britain", "британи", "британі", "england", "англи", "англі", "poland", "польш", "польщ", "china", "кита", "кита",
  "america", "америк", "usa", "сша", "turkey", "турци", "туреччин", "georgia", "грузи", "грузі", "moldova", "молдав", "молдов",
  "kazakhstan", "казахстан", "finland", "финлянди", "фінлянді", "sweden", "швеци", "швеці", "estonia", "эстони", "естоні", "latvia", "латви", "латві",
  "lithuania", "литв", "литв", "romania", "румыни", "румуні", "hungary", "венгри", "угорщин", "italy", "итали", "італі", "spain", "испани", "іспані",
  "iran", "иран", "іран", "israel", "израил", "ізраїл", "syria", "сири", "сирі", "japan", "япони", "японі", "india", "инди", "інді", "europe", "европ", "європ",
  "crimea", "крым", "крим", "donbas", "донбас", "kosovo", "косов", "serbia", "сербі", "серби",
  // capitals and cities
  "moscow", "москв", "kyiv", "kiev", "киев", "київ", "києв", "minsk", "минск", "мінськ", "warsaw", "варшав", "berlin", "берлин", "берлін",
  "paris", "париж", "london", "лондон", "washington", "вашингтон", "brussels", "брюссел", "брюсел", "geneva", "женев", "vienna", "вена", "вене", "вену", "відн", "відень",
  "helsinki", "хельсинк", "гельсінк", "istanbul", "стамбул", "ankara", "анкар", "beijing", "пекин", "пекін", "tbilisi", "тбилис", "тбіліс",
  "chisinau", "кишин", "riga", "рига", "риг", "vilnius", "вильнюс", "вільнюс", "tallinn", "таллин", "таллінн", "bucharest", "бухарест", "budapest", "будапешт",
  "rome", "рим", "madrid", "мадрид", "tokyo", "токио", "токіо", "kharkiv", "kharkov", "харьков", "харків", "odesa", "odessa", "одесс", "одес", "lviv", "львов", "львів",
  "donetsk", "донецк", "донецьк", "luhansk", "lugansk", "луганск", "луганськ", "mariupol", "мариупол", "маріупол", "sevastopol", "севастопол",
  "petersburg", "петербург",
];

const STEMS = [...new Set(PLACE_STEMS)];

/**
 * Places of several words (X32), each word as the start of its forms the same
 * way: «Соединённые Штаты», «Соединенных Штатов», «Сполучені Штати» and
 * "United States" (met through migration search_lows, which reads their words
 * as united and states); a name of a place is the whole phrase, not one word of it.
 */
const PLACE_PHRASES = [
  ["united", "states"], ["соединенн", "штат"], ["сполучен", "штат"],
  ["united", "kingdom"], ["соединенн", "королевств"], ["сполучен", "королівств"],
];

const startsLike = (w: string, s: string) => w.startsWith(s) && w.length - s.length <= (s.length <= 3 ? 1 : 4);

const oneWord = (w: string) => STEMS.some((s) => startsLike(w, s));

/**
 * Whether a word shown in a reason ("Брюсселе", "Geneva", "Росії") is a listed
 * place, or words are places one after another ("United States", «Соединённых
 * Штатов Америки», "Moscow Kyiv").
 */
export function isPlace(text: string): boolean {
  const words = text.toLocaleLowerCase().replaceAll("ё", "е").split(/\s+/).filter(Boolean).map((w) => w.replace(/[’'ʼ]s$/, ""));
  if (!words.length) return false;
  for (let i = 0; i < words.length; ) {
    const phrase = PLACE_PHRASES.find((p) => p.every((s, j) => !!words[i + j] && startsLike(words[i + j], s)));
    if (phrase) i += phrase.length;
    else if (oneWord(words[i])) i += 1;
    else return false;
  }
  return true;
}
