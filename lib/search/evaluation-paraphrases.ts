/**
 * English paraphrases of the evaluation set's claims (issue 14: "English
 * paraphrase → claim hit@5 ≥ 0.9"). Each is our own rewording of a claim in
 * lib/search/evaluation-set.ts, the way another outlet or a desk member might
 * put it — other word order, other words where English has them, names and
 * dates kept, as a paraphrase keeps them. Nothing here is corpus text: the
 * corpus selections (EvaluationCase) measure article wording; these measure
 * matching a claim said differently.
 */
import { db } from "@/lib/db/client";
import type { EvaluationCase } from "./evaluation-set";

export const ENGLISH_PARAPHRASES: { statement: string; paraphrase: string }[] = [
  {
    statement: "Russia's Foreign Ministry published two draft security-guarantee agreements, with the US and with NATO, on 17 December 2021",
    paraphrase: "On December 17, 2021 Moscow's diplomats made public two draft treaties on security guarantees, one for Washington and one for the North Atlantic alliance",
  },
  {
    statement: "Wendy Sherman said the US rejects Moscow's demand that NATO go back to its 1997 configuration",
    paraphrase: "According to Sherman, Washington will not accept the Russian call for the alliance to return to how it was configured in 1997",
  },
  {
    statement: "Russia demands that NATO's forces and infrastructure be withdrawn to where they stood in 1997",
    paraphrase: "Moscow insists the alliance pull its troops and infrastructure back to their 1997 positions",
  },
  {
    statement: "On 26 January the United States and NATO gave Moscow written replies to its security proposals",
    paraphrase: "Washington and the alliance handed Russia their written answers to its security proposals on January 26",
  },
  {
    statement: "Putin announced a special military operation in Ukraine on 24 February",
    paraphrase: "On February 24 the Russian president declared the start of a special military operation in Ukraine",
  },
  {
    statement: "Moscow does not plan to occupy Ukrainian territory",
    paraphrase: "Russia says it has no intention of occupying Ukraine's territory",
  },
  {
    statement: "Without legally binding guarantees Russia will respond with military-technical measures, the Foreign Ministry said on 17 February",
    paraphrase: "If it gets no legally binding guarantees, Moscow will answer with measures of a military-technical kind, Russian diplomats warned on February 17",
  },
  {
    statement: "Blinken and Lavrov met for talks in Geneva on 21 January",
    paraphrase: "The US Secretary of State and the Russian Foreign Minister, Lavrov, held a meeting in Geneva on January 21",
  },
  {
    statement: "Russia's fundamental security concerns were ignored by the US and NATO",
    paraphrase: "Washington and the alliance disregarded Moscow's fundamental concerns about its security",
  },
  {
    statement: "Moscow wants legal guarantees that NATO will not expand further east",
    paraphrase: "Russia is seeking a legal guarantee that the alliance stops its eastward expansion",
  },
  {
    statement: "Russia wants no NATO strike weapons deployed in countries bordering it",
    paraphrase: "Moscow demands that the alliance not deploy strike weapons in states next to Russia's borders",
  },
  {
    statement: "The US says Russia has no say over who joins NATO",
    paraphrase: "Washington says Moscow gets no veto on which countries join the alliance",
  },
  {
    statement: "Washington offered to discuss arms control, conflict prevention and limits on military exercises with Russia",
    paraphrase: "The Americans proposed talks with Moscow on arms control, preventing conflicts and limiting military exercises",
  },
  {
    statement: "NATO is a defensive alliance and no threat to Russia",
    paraphrase: "The North Atlantic alliance is purely defensive and does not threaten Russia",
  },
  {
    statement: "The United States uses Ukraine as an instrument against Russia",
    paraphrase: "Washington is using Ukraine as a tool against Moscow",
  },
  {
    statement: "Russia and the US held consultations in January 2022, in Geneva, with NATO in Brussels and at the OSCE",
    paraphrase: "In January 2022 Moscow held consultations with Washington in Geneva, with the alliance in Brussels and within the OSCE",
  },
  {
    statement: "The aim of the operation is to demilitarise and denazify Ukraine",
    paraphrase: "The operation's goal is the demilitarisation and denazification of Ukraine",
  },
  {
    statement: "NATO's military infrastructure is moving ever closer to Russia's borders",
    paraphrase: "The alliance keeps bringing its military infrastructure nearer to the Russian border",
  },
  {
    statement: "The US written response leaves room for further negotiation through a diplomatic path",
    paraphrase: "Washington's written answer keeps a diplomatic way open for more negotiations",
  },
];

/** The paraphrases as evaluation cases, against the claims seeded by seedEvaluationSet in `workspaceId`. */
export async function paraphraseCases(workspaceId: string): Promise<EvaluationCase[]> {
  const claims = await db.claim.findMany({
    where: { workspaceId, statement: { in: ENGLISH_PARAPHRASES.map((c) => c.statement) }, deletedAt: null },
    select: { id: true, statement: true },
  });
  const idOf = new Map(claims.map((c) => [c.statement, c.id]));
  return ENGLISH_PARAPHRASES.map((c) => {
    const expectedClaimId = idOf.get(c.statement);
    if (!expectedClaimId) throw new Error(`Paraphrase without its claim: ${c.statement}`);
    return { text: c.paraphrase, expectedClaimId, statement: c.statement, source: "en-paraphrase" };
  });
}
