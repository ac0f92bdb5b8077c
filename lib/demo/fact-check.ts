import type { Access } from "@/lib/auth/permissions";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import type { z } from "zod";
import {
  addRelation,
  addSource,
  addSourceSchema,
  approveClaim,
  attachMention,
  createClaim,
  createClaimSchema,
  sendBack,
  setVerdict,
  setVerdictSchema,
  submitForReview,
  updateClaim,
  type ClaimDetail,
} from "@/lib/claims";
import { richFromText } from "@/lib/claims/rich-text";
import type { Verdict } from "@/lib/claims/verdicts";
import { DEMO_ARTICLES } from "./articles";

/**
 * The demo's finished fact-check, written through the app's own use cases (as
 * the people in it would have, each with their own role), so every claim,
 * mention, source, verdict and review event is exactly what the app makes:
 *
 * - the traffic claim: approved (mostly true), one source;
 * - the cost claim: approved (true), mentioned in all three articles, two sources;
 * - the traders' traffic count: in review (false), contradicting the first;
 * - "perfectly safe for decades": sent back by the reviewer with a note;
 * - the corrosion claim: unreviewed, two mentions, assigned to the demo
 *   account, no verdict yet: the newcomer's own next step;
 * - a plain highlight with a note that isn't a claim yet.
 *
 * Sources point at `.example` addresses (reserved, never real sites).
 */
export interface DemoPeople {
  /** The demo account (admin): it highlights, writes claims and proposes verdicts. */
  editor: Access;
  /** A reviewer nobody signs in as: approvals and send-backs come from a second person, as in a real desk. */
  reviewer: Access;
}

type DemoArticleRow = { id: string; title: string; text: string; revision: number };

/** Inputs as a request would send them; parsed by the API's own schemas before use. */
type SourceFields = Omit<z.input<typeof addSourceSchema>, "version">;
type ClaimFields = Omit<z.input<typeof createClaimSchema>, "annotationId">;

const TRANSPORT_COUNTS: Omit<SourceFields, "stance"> = {
  title: "Traffic counts 2025: Kessel Street bridge",
  publisher: "Regional transport office",
  url: "https://transport.port-alder.example/counts/2025/kessel-street",
  publishedAt: "2026-01-15",
  kind: "dataset",
};

export async function writeDemoFactCheck(people: DemoPeople, articles: DemoArticleRow[]): Promise<void> {
  const { editor, reviewer } = people;
  const [announcement, traders, factFile] = DEMO_ARTICLES.map((a) => {
    const row = articles.find((r) => r.title === a.title);
    if (!row) throw new Error(`The demo article "${a.title}" is missing`);
    return row;
  });

  async function highlight(article: DemoArticleRow, words: string, note?: string) {
    const start = article.text.indexOf(words);
    if (start < 0) throw new Error(`"${words}" is not in "${article.title}"`);
    return createAnnotation(editor, article.id, { start, end: start + words.length, revision: article.revision, note });
  }
  async function claim(article: DemoArticleRow, words: string, fields: ClaimFields) {
    return createClaim(editor, createClaimSchema.parse({ annotationId: (await highlight(article, words)).id, ...fields }));
  }
  const mention = async (c: ClaimDetail, article: DemoArticleRow, words: string) => attachMention(editor, c.id, { annotationId: (await highlight(article, words)).id, version: c.version });
  const verdict = (c: ClaimDetail, value: Verdict, explanation: string) => setVerdict(editor, c.id, setVerdictSchema.parse({ verdict: value, explanation: richFromText(explanation), version: c.version }));
  const source = (c: ClaimDetail, s: SourceFields) => addSource(editor, c.id, addSourceSchema.parse({ ...s, version: c.version }));
  const submit = (c: ClaimDetail) => submitForReview(editor, c.id, { version: c.version });

  // Approved, mostly true.
  let traffic = await claim(announcement, "the bridge carries about 40,000 vehicles a day", {
    statement: "The Kessel Street bridge carries about 40,000 vehicles a day.",
    claimant: "Anton Reyes, council leader",
    claimDate: "2026-03-02",
    tags: ["traffic"],
  });
  traffic = await verdict(traffic, "mostly-true", "The regional transport office counted an average of 38,700 vehicles a day in 2025: a little below the council's round figure, but close.");
  traffic = await source(traffic, { ...TRANSPORT_COUNTS, stance: "supports" });
  traffic = await submit(traffic);
  traffic = await approveClaim(reviewer, traffic.id, { version: traffic.version, note: "Checked against the transport office's table." });

  // Approved, true: one claim, the same figure in all three articles.
  let cost = await claim(announcement, "The repairs are expected to cost €12 million", {
    statement: "The bridge repairs will cost €12 million.",
    claimant: "Port Alder town council",
    claimDate: "2026-03-02",
    tags: ["budget"],
  });
  cost = await mention(cost, traders, "the works will cost twelve million euros");
  cost = await mention(cost, factFile, "The council has put the cost of the repairs at €12 million");
  cost = await verdict(cost, "true", "The council's published budget for the works is €12 million, and the regional fund has committed €9 million of it.");
  cost = await source(cost, {
    title: "Kessel Street bridge repairs: budget",
    publisher: "Port Alder town council",
    url: "https://council.port-alder.example/budget/kessel-street-bridge",
    publishedAt: "2026-02-20",
    kind: "official-statement",
    stance: "supports",
  });
  cost = await source(cost, {
    title: "Regional fund decision on the harbour bridge",
    publisher: "Regional transport fund",
    url: "https://fund.region.example/decisions/2026-014",
    publishedAt: "2026-02-27",
    kind: "primary-document",
    stance: "context",
    note: "Commits €9 million of the €12 million.",
  });
  cost = await submit(cost);
  await approveClaim(reviewer, cost.id, { version: cost.version });

  // In review, false; it contradicts the council's figure.
  let count = await claim(traders, "only around 25,000 vehicles cross the bridge on a typical weekday", {
    statement: "Only around 25,000 vehicles cross the Kessel Street bridge on a typical weekday.",
    claimant: "Port Alder chamber of commerce",
    claimDate: "2026-03-05",
    tags: ["traffic"],
  });
  count = await verdict(count, "false", "The transport office's 2025 counts average 38,700 vehicles a day; no published count comes near 25,000.");
  count = await source(count, { ...TRANSPORT_COUNTS, stance: "refutes" });
  count = await addRelation(editor, count.id, { toId: traffic.id, type: "contradicts", version: count.version });
  await submit(count);

  // Sent back: the reviewer wants the primary document, not our own fact file.
  let safe = await claim(traders, "the bridge had been “perfectly safe for decades”", {
    statement: "The Kessel Street bridge has been perfectly safe for decades.",
    claimant: "Ines Varga, chamber president",
    claimDate: "2026-03-05",
    tags: ["safety"],
  });
  safe = await verdict(safe, "mostly-false", "The council's 2025 inspection found corrosion in three girders and rated the structure poor.");
  safe = await source(safe, {
    title: "Fact file: what we know about the harbour bridge",
    publisher: "Port Alder Courier",
    publishedAt: "2026-03-09",
    kind: "news-report",
    stance: "refutes",
  });
  safe = await submit(safe);
  await sendBack(reviewer, safe.id, { version: safe.version, note: "Cite the 2025 inspection report itself rather than our fact file, then submit it again." });

  // Unreviewed and assigned to the demo account: where a newcomer can pick up.
  let corrosion = await claim(announcement, "inspectors found corrosion in three of its twelve steel girders", {
    statement: "Inspectors found corrosion in three of the bridge's twelve steel girders.",
    claimant: "Anton Reyes, council leader",
    claimDate: "2026-03-02",
    tags: ["safety"],
  });
  corrosion = await mention(corrosion, factFile, "lists corrosion in three girders");
  await updateClaim(editor, corrosion.id, { version: corrosion.version, assigneeId: editor.userId });

  // A highlight that isn't a claim (yet).
  await highlight(announcement, "A free shuttle ferry will run every fifteen minutes while the bridge is closed.", "Ask the ferry operator whether this is in their timetable.");
}
