/**
 * A hand-made evaluation set for claim suggestions, shared by the tests and
 * the benchmark. Each claim is a fact-checker's paraphrase; each selection is
 * a sentence from a *different* article of the reference corpus stating the
 * same thing. The corpus text itself is never copied here: spans are located
 * at run time by a short search string, and the whole sentence around it is
 * taken. Distractors are other claims from the same corpus, so everything
 * shares the vocabulary (Russia, NATO, security guarantees…) and the ranking
 * has to find the specific claim, not the topic.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { importArticle } from "@/lib/articles/import";
import { describeSpan } from "@/lib/anchoring";
import { db } from "@/lib/db/client";

export const CORPUS_DIR = process.env.CORPUS_DIR ?? path.resolve(process.cwd(), "../shared/corpus");

/** A sentence in corpus file `file` (its three-digit prefix) containing `find`. */
export interface SpanRef {
  file: string;
  find: string;
}

export interface EvaluationClaim {
  statement: string;
  claimant?: string;
  /** Where the claim was first highlighted; its selections come from other articles. */
  mention?: SpanRef;
  selections: SpanRef[];
}

export const EVALUATION_CLAIMS: EvaluationClaim[] = [
  {
    statement: "Russia's Foreign Ministry published two draft security-guarantee agreements, with the US and with NATO, on 17 December 2021",
    claimant: "Russian Foreign Ministry",
    mention: { file: "001", find: "published Russia’s two draft agreements" },
    selections: [
      { file: "000", find: "published two draft documents" },
      { file: "002", find: "published the draft treaty with the United States" },
      { file: "004", find: "Russia unveiled draft treaties" },
    ],
  },
  {
    statement: "Wendy Sherman said the US rejects Moscow's demand that NATO go back to its 1997 configuration",
    claimant: "Wendy Sherman",
    mention: { file: "003", find: "return of NATO to the 1997 configuration" },
    selections: [{ file: "002", find: "called \"ridiculous\" Russia's demand" }],
  },
  {
    statement: "Russia demands that NATO's forces and infrastructure be withdrawn to where they stood in 1997",
    claimant: "Russian Foreign Ministry",
    mention: { file: "002", find: "infrastructure of the organization to the state of 1997" },
    selections: [{ file: "004", find: "to the positions of 1997" }],
  },
  {
    statement: "On 26 January the United States and NATO gave Moscow written replies to its security proposals",
    mention: { file: "001", find: "handed over their written reply" },
    selections: [
      { file: "003", find: "had given Russia written answers" },
      { file: "002", find: "handed over their written responses" },
    ],
  },
  {
    statement: "Putin announced a special military operation in Ukraine on 24 February",
    claimant: "Vladimir Putin",
    mention: { file: "001", find: "announced on February 24" },
    selections: [{ file: "000", find: "On the morning of February 24" }],
  },
  {
    statement: "Moscow does not plan to occupy Ukrainian territory",
    claimant: "Vladimir Putin",
    mention: { file: "001", find: "no plans of occupying" },
    selections: [{ file: "000", find: "do not include the occupation" }],
  },
  {
    statement: "Without legally binding guarantees Russia will respond with military-technical measures, the Foreign Ministry said on 17 February",
    claimant: "Russian Foreign Ministry",
    mention: { file: "000", find: "said on February 17 that in the absence" },
    selections: [{ file: "002", find: "measures of a military-technical nature" }],
  },
  {
    statement: "Blinken and Lavrov met for talks in Geneva on 21 January",
    mention: { file: "000", find: "Anthony Blinken and Sergey Lavrov held talks" },
    selections: [{ file: "004", find: "Sergei Lavrov and Secretary of State Anthony Blinken took place" }],
  },
  {
    statement: "Russia's fundamental security concerns were ignored by the US and NATO",
    claimant: "Vladimir Putin",
    mention: { file: "000", find: "main concerns were in fact ignored" },
    selections: [{ file: "002", find: "fundamental Russian concerns have been ignored" }],
  },
  {
    statement: "Moscow wants legal guarantees that NATO will not expand further east",
    mention: { file: "004", find: "refusing further eastward expansion" },
    selections: [{ file: "002", find: "non-expansion of the alliance to the east" }],
  },
  {
    statement: "Russia wants no NATO strike weapons deployed in countries bordering it",
    mention: { file: "000", find: "deployment of strike offensive weapons" },
    selections: [{ file: "004", find: "non-deployment of NATO strike weapons" }],
  },
  {
    statement: "The US says Russia has no say over who joins NATO",
    claimant: "Victoria Nuland",
    mention: { file: "000", find: "cannot make decisions for NATO" },
    selections: [{ file: "003", find: "you will not make decisions on membership" }],
  },
  {
    statement: "Washington offered to discuss arms control, conflict prevention and limits on military exercises with Russia",
    mention: { file: "003", find: "such as arms control, conflict prevention" },
    selections: [{ file: "000", find: "We were ready to talk about the vast majority" }],
  },
  {
    statement: "NATO is a defensive alliance and no threat to Russia",
    claimant: "Wendy Sherman",
    mention: { file: "003", find: "it is a defensive alliance" },
    selections: [{ file: "000", find: "calling NATO a defensive bloc" }],
  },
  {
    statement: "The United States uses Ukraine as an instrument against Russia",
    mention: { file: "004", find: "uses Ukraine as an instrument of influence" },
    selections: [{ file: "000", find: "using Ukraine for many years as an instrument" }],
  },
  {
    statement: "Russia and the US held consultations in January 2022, in Geneva, with NATO in Brussels and at the OSCE",
    mention: { file: "000", find: "bilateral consultations were held" },
    selections: [{ file: "002", find: "as well as with NATO in Brussels and within the OSCE" }],
  },
  {
    statement: "The aim of the operation is to demilitarise and denazify Ukraine",
    claimant: "Vladimir Putin",
    mention: { file: "001", find: "aimed at demilitarizing and denazifying" },
    selections: [{ file: "002", find: "to demilitarize and denazify" }],
  },
  {
    statement: "NATO's military infrastructure is moving ever closer to Russia's borders",
    mention: { file: "000", find: "approach of its military infrastructure to the borders" },
    selections: [{ file: "002", find: "moving closer and closer to the borders" }],
  },
  {
    statement: "The US written response leaves room for further negotiation through a diplomatic path",
    claimant: "Antony Blinken",
    mention: { file: "003", find: "provides for a diplomatic way forward" },
    selections: [{ file: "001", find: "indicated areas for further negotiations" }],
  },
];

/** Other claims from the corpus, paraphrased: the competition. */
export const DISTRACTORS: string[] = [
  "Nuland said sanctions on Russia will be lifted if it ends the war and helps rebuild Ukraine",
  "Nuland accused Moscow of wanting to recreate the Soviet Union",
  "Zakharova said Nuland's statements cannot be trusted",
  "Putin raised legally fixed security guarantees with Biden at their talks on 7 December",
  "Presidential aides Yuri Ushakov and Jake Sullivan negotiated on the Russian proposals",
  "NATO and the US increased their military presence in Eastern Europe",
  "The US, the EU and the UK started a new wave of sanctions against Russia",
  "Koshkin: the West treats Ukrainians' lives as a bargaining chip",
  "Batyuk: accepting Russia's position would undermine European security built after the Cold War",
  "Dudakov: Western politicians torpedoed a security compromise with Russia",
  "Dudakov called Nuland's remarks on sanctions a good cop act",
  "Dudakov expects harsh sanctions such as the airspace closure to be lifted within months",
  "Ryabkov: Russia's security proposals to the US and NATO are no longer valid",
  "Ryabkov: Moscow is ready to resume talks with Washington, including on New START",
  "The US announced on 25 February that it was ending the strategic security dialogue",
  "Washington asked that its written answers not be made public",
  "Russian Defence Ministry: the troops are not striking Ukrainian cities and civilians are not at risk",
  "Grushko: guarantees will remain the key issue for Russia's long-term security",
  "Grushko: the Bucharest summit wording on Ukraine and Georgia joining NATO caused the present crisis",
  "France and Germany opposed a membership action plan for Georgia and Ukraine",
  "Grushko: there is a real risk of a clash between Russia and NATO",
  "Kuleba: 19 countries are sending weapons to Ukraine",
  "More than a thousand foreign mercenaries from 16 countries have gone to Ukraine",
  "For the first time the EU will pay for weapons for Ukraine, 500 million euros",
  "Grushko: a future security architecture may not rest on the old institutions",
  "Blinken: Washington will negotiate if Russia pulls its troops out of Ukraine",
  "Peskov: Moscow got no direct answers from the US and NATO",
  "Russia will not let the West drag the dialogue out into years of talks while arming Ukraine",
  "Russia recognised the Donetsk and Lugansk People's Republics",
  "Blokhin: the West did not care about Russia's fears and anxieties",
  "Blokhin: the West is shocked at how effective the Russian army is",
  "Blokhin: future NATO candidates will think twice before joining",
  "Shapovalov: NATO expansion is an extreme danger to Russia",
  "The West says it will stay out of the fighting but sends large amounts of weapons to Ukraine",
  "Sherman: Russia, a nuclear power with Europe's largest army, cannot be threatened by Ukraine",
  "The US response mentions mutual transparency measures on forces in Ukraine",
  "Zakharova: Moscow wants a written answer on each point of its proposals",
  "Gavrilov: Russia will not wait for answers forever and will defend its security by other means",
  "Zakharova: Blinken opened his press conference aggressively",
  "Zakharova: material on the Geneva meeting was leaked the night before to set a backdrop",
  "Liz Truss said Mongols and Tatars had invaded Ukraine",
  "Before the Geneva meeting the State Department published a propaganda bulletin on Russian policy",
  "Zakharova: there is no evidence of Russian aggression or of breaches of international law",
];

export interface EvaluationCase {
  /** The selected sentence, read from the corpus. */
  text: string;
  expectedClaimId: string;
  statement: string;
  source: string;
}

export interface SeededEvaluation {
  cases: EvaluationCase[];
  claimIds: string[];
}

function corpusFiles(dir = CORPUS_DIR): Map<string, string> {
  const files = readdirSync(dir).filter((f) => /^\d{3}_.*\.txt$/.test(f));
  return new Map(files.map((f) => [f.slice(0, 3), path.join(dir, f)]));
}

const SENTENCE_END = /[.!?][”"’)]*(?=\s|$)|\n/g;

/** The sentence of `text` around the first occurrence of `find`, trimmed. */
export function sentenceAround(text: string, find: string): { start: number; end: number } {
  const at = text.indexOf(find);
  if (at < 0) throw new Error(`Evaluation span not found in the corpus: ${JSON.stringify(find)}`);
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(SENTENCE_END)) {
    const after = m.index + m[0].length;
    if (after <= at) start = after;
    else if (m.index >= at + find.length) {
      end = m[0] === "\n" ? m.index : after;
      break;
    }
  }
  while (/\s/.test(text[start] ?? "")) start++;
  return { start, end };
}

/** Imports the corpus articles the set refers to into `workspaceId`: file prefix → article. */
async function importCorpus(workspaceId: string, actorId: string) {
  const articles = new Map<string, { id: string; text: string; revision: number }>();
  for (const [prefix, file] of corpusFiles()) {
    const content = readFileSync(file, "utf8");
    const { article } = await importArticle({ workspaceId, actorId, filename: path.basename(file), format: "text", content });
    articles.set(prefix, await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { id: true, text: true, revision: true } }));
  }
  return articles;
}

type Articles = Awaited<ReturnType<typeof importCorpus>>;

function spanText(articles: Articles, ref: SpanRef) {
  const article = articles.get(ref.file);
  if (!article) throw new Error(`No corpus file ${ref.file}_*.txt in ${CORPUS_DIR}`);
  const { start, end } = sentenceAround(article.text, ref.find);
  return { article, start, end, text: article.text.slice(start, end) };
}

async function addMention(workspaceId: string, actorId: string, claimId: string, articles: Articles, ref: SpanRef) {
  const { article, start, end } = spanText(articles, ref);
  const { quote } = describeSpan(article.text, start, end);
  await db.annotation.create({
    data: { workspaceId, articleId: article.id, createdById: actorId, claimId, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start, end, anchoredRevision: article.revision },
  });
}

/**
 * Creates the evaluation claims and distractors in `workspaceId` and returns
 * one case per (selection, expected claim). With `withMentions`, each claim
 * also gets its first highlight (from an article other than the selections'),
 * as it would in use; without, only the statements can match.
 */
export async function seedEvaluationSet(opts: { workspaceId: string; actorId: string; withMentions: boolean }): Promise<SeededEvaluation> {
  const { workspaceId, actorId } = opts;
  const articles = await importCorpus(workspaceId, actorId);
  const cases: EvaluationCase[] = [];
  const claimIds: string[] = [];
  for (const item of EVALUATION_CLAIMS) {
    const claim = await db.claim.create({ data: { workspaceId, statement: item.statement, claimant: item.claimant, createdById: actorId } });
    claimIds.push(claim.id);
    if (opts.withMentions && item.mention) await addMention(workspaceId, actorId, claim.id, articles, item.mention);
    for (const ref of item.selections) {
      if (ref.file === item.mention?.file) throw new Error(`Selection and mention share article ${ref.file}: ${item.statement}`);
      cases.push({ text: spanText(articles, ref).text, expectedClaimId: claim.id, statement: item.statement, source: ref.file });
    }
  }
  const distractors = await db.claim.createManyAndReturn({
    data: DISTRACTORS.map((statement) => ({ workspaceId, statement, createdById: actorId })),
    select: { id: true },
  });
  claimIds.push(...distractors.map((d) => d.id));
  return { cases, claimIds };
}

export interface EvaluationResult {
  recallAt1: number;
  recallAt5: number;
  misses: { case: EvaluationCase; rank: number | null; top: string[] }[];
}

/** Runs `suggest` on every case; rank is 1-based, null when not returned at all. */
export async function evaluate(
  cases: EvaluationCase[],
  suggest: (text: string) => Promise<{ claimId: string; statement: string }[]>,
): Promise<EvaluationResult> {
  let at1 = 0;
  let at5 = 0;
  const misses: EvaluationResult["misses"] = [];
  for (const c of cases) {
    const hits = await suggest(c.text);
    const index = hits.findIndex((h) => h.claimId === c.expectedClaimId);
    if (index === 0) at1++;
    if (index >= 0 && index < 5) at5++;
    else misses.push({ case: c, rank: index < 0 ? null : index + 1, top: hits.slice(0, 3).map((h) => h.statement) });
  }
  return { recallAt1: at1 / cases.length, recallAt5: at5 / cases.length, misses };
}

// ---------------------------------------------------------------- across languages (issue 14)

/**
 * Russian and Ukrainian renderings of claims of the set above, written by the
 * team for this set (our own translations of our own claim statements, not
 * corpus text): a passage in one language should find the English claim. Only
 * names, dates and numbers (and shared words such as NATO) can carry the
 * match, so the set mixes claims rich in them with claims that have few
 * (Moscow does not plan to occupy…).
 */
export const CROSS_LANGUAGE: { statement: string; ru: string; uk: string }[] = [
  {
    statement: "Russia's Foreign Ministry published two draft security-guarantee agreements, with the US and with NATO, on 17 December 2021",
    ru: "17 декабря 2021 года МИД России обнародовал два проекта соглашений о гарантиях безопасности — с США и с НАТО",
    uk: "17 грудня 2021 року МЗС Росії оприлюднило два проєкти угод про гарантії безпеки — зі США та з НАТО",
  },
  {
    statement: "Wendy Sherman said the US rejects Moscow's demand that NATO go back to its 1997 configuration",
    ru: "Венди Шерман заявила, что Вашингтон отвергает требование Москвы вернуть НАТО к конфигурации 1997 года",
    uk: "Венді Шерман заявила, що Вашингтон відкидає вимогу Москви повернути НАТО до конфігурації 1997 року",
  },
  {
    statement: "Russia demands that NATO's forces and infrastructure be withdrawn to where they stood in 1997",
    ru: "Россия требует отвести силы и инфраструктуру НАТО на позиции 1997 года",
    uk: "Росія вимагає відвести сили та інфраструктуру НАТО на позиції 1997 року",
  },
  {
    statement: "On 26 January the United States and NATO gave Moscow written replies to its security proposals",
    ru: "26 января США и НАТО передали Москве письменные ответы на её предложения по безопасности",
    uk: "26 січня США і НАТО передали Москві письмові відповіді на її пропозиції щодо безпеки",
  },
  {
    statement: "Putin announced a special military operation in Ukraine on 24 February",
    ru: "24 февраля Путин объявил о начале специальной военной операции на Украине",
    uk: "24 лютого Путін оголосив про початок спеціальної військової операції в Україні",
  },
  {
    statement: "Moscow does not plan to occupy Ukrainian territory",
    ru: "Москва не собирается оккупировать украинскую территорию",
    uk: "Москва не планує окуповувати українську територію",
  },
  {
    statement: "Without legally binding guarantees Russia will respond with military-technical measures, the Foreign Ministry said on 17 February",
    ru: "МИД России 17 февраля заявил, что без юридически обязывающих гарантий Россия ответит военно-техническими мерами",
    uk: "МЗС Росії 17 лютого заявило, що без юридично обов'язкових гарантій Росія відповість військово-технічними заходами",
  },
  {
    statement: "Blinken and Lavrov met for talks in Geneva on 21 January",
    ru: "Блинкен и Лавров провели переговоры в Женеве 21 января",
    uk: "Блінкен і Лавров провели переговори в Женеві 21 січня",
  },
  {
    statement: "The US says Russia has no say over who joins NATO",
    ru: "США считают, что Россия не вправе решать, кто вступает в НАТО",
    uk: "США вважають, що Росія не має права вирішувати, хто вступає до НАТО",
  },
  {
    statement: "NATO is a defensive alliance and no threat to Russia",
    ru: "НАТО — оборонительный союз и не угрожает России",
    uk: "НАТО — оборонний альянс і не становить загрози для Росії",
  },
  {
    statement: "The United States uses Ukraine as an instrument against Russia",
    ru: "Соединённые Штаты используют Украину как инструмент против России",
    uk: "Сполучені Штати використовують Україну як інструмент проти Росії",
  },
  {
    statement: "Russia and the US held consultations in January 2022, in Geneva, with NATO in Brussels and at the OSCE",
    ru: "В январе 2022 года Россия провела консультации с США в Женеве, с НАТО в Брюсселе и в ОБСЕ",
    uk: "У січні 2022 року Росія провела консультації зі США в Женеві, з НАТО в Брюсселі та в ОБСЄ",
  },
  {
    statement: "Kuleba: 19 countries are sending weapons to Ukraine",
    ru: "Кулеба: оружие Украине поставляют 19 государств",
    uk: "Кулеба: зброю Україні постачають 19 держав",
  },
  {
    statement: "For the first time the EU will pay for weapons for Ukraine, 500 million euros",
    ru: "Евросоюз впервые оплатит оружие для Украины — 500 миллионов евро",
    uk: "Євросоюз уперше заплатить за зброю для України — 500 мільйонів євро",
  },
  {
    statement: "Ryabkov: Russia's security proposals to the US and NATO are no longer valid",
    ru: "Рябков: российские предложения по безопасности для США и НАТО больше не актуальны",
    uk: "Рябков: російські пропозиції щодо безпеки для США та НАТО більше не актуальні",
  },
  {
    statement: "Peskov: Moscow got no direct answers from the US and NATO",
    ru: "Песков: Москва не получила от США и НАТО прямых ответов",
    uk: "Пєсков: Москва не отримала від США і НАТО прямих відповідей",
  },
  {
    statement: "Grushko: there is a real risk of a clash between Russia and NATO",
    ru: "Грушко: существует реальная опасность столкновения России и НАТО",
    uk: "Грушко: існує реальний ризик зіткнення Росії та НАТО",
  },
  {
    statement: "Zakharova: Blinken opened his press conference aggressively",
    ru: "Захарова: Блинкен начал свою пресс-конференцию агрессивно",
    uk: "Захарова: Блінкен розпочав свою пресконференцію агресивно",
  },
  {
    statement: "Liz Truss said Mongols and Tatars had invaded Ukraine",
    ru: "Лиз Трасс заявила, что на Украину вторгались монголы и татары",
    uk: "Ліз Трасс заявила, що в Україну вторгалися монголи й татари",
  },
  {
    statement: "Presidential aides Yuri Ushakov and Jake Sullivan negotiated on the Russian proposals",
    ru: "Помощники президентов Юрий Ушаков и Джейк Салливан обсуждали российские предложения",
    uk: "Помічники президентів Юрій Ушаков і Джейк Салліван обговорювали російські пропозиції",
  },
  {
    statement: "Putin raised legally fixed security guarantees with Biden at their talks on 7 December",
    ru: "На переговорах 7 декабря Путин поднял перед Байденом вопрос о юридически закреплённых гарантиях безопасности",
    uk: "На переговорах 7 грудня Путін порушив перед Байденом питання юридично закріплених гарантій безпеки",
  },
  {
    statement: "Russia recognised the Donetsk and Lugansk People's Republics",
    ru: "Россия признала Донецкую и Луганскую народные республики",
    uk: "Росія визнала Донецьку та Луганську народні республіки",
  },
];

/**
 * The cases ru→en or uk→en for a workspace seeded with seedEvaluationSet: the
 * passage in that language, the English claim expected. Without mentions
 * (statements only), only the statement's English can be met.
 */
export async function crossLanguageCases(workspaceId: string, language: "ru" | "uk"): Promise<EvaluationCase[]> {
  const claims = await db.claim.findMany({
    where: { workspaceId, statement: { in: CROSS_LANGUAGE.map((c) => c.statement) }, deletedAt: null },
    select: { id: true, statement: true },
  });
  const idOf = new Map(claims.map((c) => [c.statement, c.id]));
  return CROSS_LANGUAGE.map((c) => {
    const expectedClaimId = idOf.get(c.statement);
    if (!expectedClaimId) throw new Error(`Cross-language case without its claim: ${c.statement}`);
    return { text: c[language], expectedClaimId, statement: c.statement, source: language };
  });
}

/**
 * Issue 14 §2, the glossary: claims whose Russian and Ukrainian renderings
 * share no name, date or number with the English (no signal can carry them),
 * with the glossary pairs a desk would write for their content words. Without
 * the pairs they cannot match (the texts have no lexeme in common); with them
 * they should. Our own sentences, not corpus text.
 */
export const GLOSSARY_CASES: { statement: string; ru: string; uk: string }[] = [
  { statement: "Sanctions will hurt ordinary households", ru: "Санкции ударят по обычным семьям", uk: "Санкції вдарять по звичайних родинах" },
  { statement: "Grain exports through the ports have resumed", ru: "Вывоз зерна через порты возобновился", uk: "Вивезення зерна через порти відновилося" },
  { statement: "Fuel prices at petrol stations doubled", ru: "Цены на топливо на заправках выросли вдвое", uk: "Ціни на пальне на заправках зросли вдвічі" },
  { statement: "Hospitals are short of doctors and medicines", ru: "Больницам не хватает врачей и лекарств", uk: "Лікарням бракує лікарів і ліків" },
  { statement: "The harvest was lost to drought", ru: "Урожай погиб из-за засухи", uk: "Урожай загинув через посуху" },
  { statement: "Teachers are leaving schools because of low salaries", ru: "Учителя уходят из школ из-за низких зарплат", uk: "Вчителі залишають школи через низькі зарплати" },
];

/** The pairs for GLOSSARY_CASES, as an admin would write them (base forms). */
export const GLOSSARY_PAIRS: { language: "ru" | "uk"; term: string; english: string }[] = [
  { language: "ru", term: "санкции", english: "sanctions" },
  { language: "ru", term: "семьи", english: "households" },
  { language: "uk", term: "санкції", english: "sanctions" },
  { language: "uk", term: "родини", english: "households" },
  { language: "ru", term: "зерно", english: "grain" },
  { language: "ru", term: "порты", english: "ports" },
  { language: "uk", term: "зерно", english: "grain" },
  { language: "uk", term: "порти", english: "ports" },
  { language: "ru", term: "топливо", english: "fuel" },
  { language: "ru", term: "заправки", english: "petrol stations" },
  { language: "uk", term: "пальне", english: "fuel" },
  { language: "uk", term: "заправки", english: "petrol stations" },
  { language: "ru", term: "больница", english: "hospital" },
  { language: "ru", term: "врач", english: "doctor" },
  { language: "ru", term: "лекарства", english: "medicines" },
  { language: "uk", term: "лікарня", english: "hospital" },
  { language: "uk", term: "лікар", english: "doctor" },
  { language: "uk", term: "ліки", english: "medicines" },
  { language: "ru", term: "урожай", english: "harvest" },
  { language: "ru", term: "засуха", english: "drought" },
  { language: "uk", term: "урожай", english: "harvest" },
  { language: "uk", term: "посуха", english: "drought" },
  { language: "ru", term: "учитель", english: "teacher" },
  { language: "ru", term: "школа", english: "school" },
  { language: "ru", term: "зарплата", english: "salary" },
  { language: "uk", term: "вчитель", english: "teacher" },
  { language: "uk", term: "школа", english: "school" },
  { language: "uk", term: "зарплата", english: "salary" },
];

/** Adds GLOSSARY_CASES' English claims to a workspace (e.g. one seeded with seedEvaluationSet); the cases ru→en and uk→en. */
export async function seedGlossaryCases(workspaceId: string, actorId: string): Promise<Record<"ru" | "uk", EvaluationCase[]>> {
  const claims = await db.claim.createManyAndReturn({
    data: GLOSSARY_CASES.map((c) => ({ workspaceId, statement: c.statement, language: "en", createdById: actorId })),
    select: { id: true, statement: true },
  });
  const idOf = new Map(claims.map((c) => [c.statement, c.id]));
  const cases = (language: "ru" | "uk") =>
    GLOSSARY_CASES.map((c) => ({ text: c[language], expectedClaimId: idOf.get(c.statement)!, statement: c.statement, source: `glossary ${language}` }));
  return { ru: cases("ru"), uk: cases("uk") };
}

/** Writes GLOSSARY_PAIRS into a workspace's glossary (their lexemes come from the table's trigger, as for an admin's pairs). */
export async function seedGlossaryPairs(workspaceId: string, actorId: string): Promise<void> {
  await db.glossaryPair.createMany({ data: GLOSSARY_PAIRS.map((p) => ({ workspaceId, ...p, createdById: actorId })) });
}

// ---------------------------------------------------------------- rare names (issue 14, findings F10/F13)

/**
 * A passage naming someone the workspace mentions in one claim only, amid the
 * words most of its claims share (Russia, NATO, the US, security guarantees,
 * proposals): the claim with the name should come first, not a claim that
 * shares more of the common words. Each claim's English statement, and the
 * passage in English, Russian and Ukrainian, are our own sentences.
 */
export const RARE_NAME_CASES: { statement: string; en: string; ru: string; uk: string }[] = [
  {
    statement: "Anatoly Antonov complained that Washington ignores Moscow's concerns",
    en: "Ambassador Anatoly Antonov said Russia is still waiting for the US and NATO to answer its proposals on security guarantees",
    ru: "Посол Анатолий Антонов заявил, что Россия всё ещё ждёт от США и НАТО ответа на свои предложения по гарантиям безопасности",
    uk: "Посол Анатолій Антонов заявив, що Росія досі чекає від США і НАТО відповіді на свої пропозиції щодо гарантій безпеки",
  },
  {
    statement: "Alexander Lukashevich told the OSCE that Kyiv is massing troops near Donbas",
    en: "Alexander Lukashevich said at the OSCE that the security of Russia and Europe depends on NATO and the US answering the proposals",
    ru: "Александр Лукашевич заявил в ОБСЕ, что безопасность России и Европы зависит от ответа НАТО и США на предложения",
    uk: "Олександр Лукашевич заявив в ОБСЄ, що безпека Росії та Європи залежить від відповіді НАТО і США на пропозиції",
  },
  {
    statement: "Vasily Nebenzya accused the Security Council's Western members of staging a show",
    en: "Vasily Nebenzya told the Security Council that Russia wants legal security guarantees from NATO and the United States",
    ru: "Василий Небензя заявил в Совбезе ООН, что Россия хочет юридических гарантий безопасности от НАТО и США",
    uk: "Василь Небензя заявив у Радбезі ООН, що Росія хоче юридичних гарантій безпеки від НАТО і США",
  },
  {
    statement: "Oleksii Reznikov: an attack is not expected within the next few weeks",
    en: "Oleksii Reznikov said Russia's demands to NATO and the US on security guarantees do not mean an attack on Ukraine is near",
    ru: "Алексей Резников сказал, что требования России к НАТО и США о гарантиях безопасности не означают скорого нападения на Украину",
    uk: "Олексій Резніков сказав, що вимоги Росії до НАТО і США щодо гарантій безпеки не означають близького нападу на Україну",
  },
  {
    statement: "Mikhail Ulyanov called the Vienna talks constructive",
    en: "In Vienna Mikhail Ulyanov said Russia expects NATO and the US to take its security proposals seriously",
    ru: "В Вене Михаил Ульянов сказал, что Россия ждёт от НАТО и США серьёзного отношения к её предложениям по безопасности",
    uk: "У Відні Михайло Ульянов сказав, що Росія чекає від НАТО і США серйозного ставлення до її пропозицій щодо безпеки",
  },
];

/**
 * Claims sharing the rare-name passages' common words, none naming anyone:
 * the crowd the named claim has to beat (our own sentences, built from parts
 * so that every one shares several of those words).
 */
export function rareNameCrowd(count: number): string[] {
  const subjects = ["Russia", "Moscow", "The Kremlin", "The Russian Foreign Ministry", "Russian diplomats"];
  const verbs = ["wants the US and NATO to consider", "demands that NATO and the United States accept", "says the US and NATO ignore", "insists on legal answers to", "will not discuss anything but"];
  const objects = ["its proposals on security guarantees", "its security proposals", "the security guarantees it proposed", "its demands on European security", "its proposals on NATO and security"];
  return Array.from({ length: count }, (_, i) => `${subjects[i % 5]} ${verbs[Math.floor(i / 5) % 5]} ${objects[Math.floor(i / 25) % 5]}${i >= 125 ? ` (${i})` : ""}`);
}

/** Adds RARE_NAME_CASES' claims and `crowd` claims of rareNameCrowd to a workspace; the cases per language. */
export async function seedRareNameCases(workspaceId: string, actorId: string, crowd = 60): Promise<Record<"en" | "ru" | "uk", EvaluationCase[]>> {
  const claims = await db.claim.createManyAndReturn({
    data: [...RARE_NAME_CASES.map((c) => c.statement), ...rareNameCrowd(crowd)].map((statement) => ({ workspaceId, statement, language: "en", createdById: actorId })),
    select: { id: true, statement: true },
  });
  const idOf = new Map(claims.map((c) => [c.statement, c.id]));
  const cases = (language: "en" | "ru" | "uk") =>
    RARE_NAME_CASES.map((c) => ({ text: c[language], expectedClaimId: idOf.get(c.statement)!, statement: c.statement, source: `rare name ${language}` }));
  return { en: cases("en"), ru: cases("ru"), uk: cases("uk") };
}
