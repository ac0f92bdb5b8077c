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
  "america", "америк", "usa", "сша", "united states", "turkey", "турци", "туреччин", "georgia", "грузи", "грузі", "moldova", "молдав", "молдов",
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

/** Whether a word shown in a reason ("Брюсселе", "Geneva", "Росії") is a listed place. */
export function isPlace(word: string): boolean {
  const w = word.toLocaleLowerCase().replace(/[’'ʼ]s$/, "");
  return STEMS.some((s) => w.startsWith(s) && w.length - s.length <= (s.length <= 3 ? 1 : 4));
}
