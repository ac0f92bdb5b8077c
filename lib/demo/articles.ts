/**
 * Demo articles written for Claimtrail (fictional town, fictional people).
 * They repeat some claims in other words and contradict each other on others,
 * which is what the cross-article linking and suggestions are for.
 */
export interface DemoArticle {
  title: string;
  publisher: string;
  author: string;
  publishedAt: string;
  paragraphs: string[];
}

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    title: "Harbour bridge to close for eight months, council confirms",
    publisher: "Port Alder Courier",
    author: "Mira Okafor",
    publishedAt: "2026-03-02",
    paragraphs: [
      "The Kessel Street harbour bridge will close to all traffic from 1 May for eight months of structural repairs, the Port Alder town council confirmed on Monday.",
      "Council leader Anton Reyes said the bridge carries about 40,000 vehicles a day and that inspectors found corrosion in three of its twelve steel girders.",
      "“Nobody wants this closure, but the engineers were clear: we repair it now or we lose it,” Reyes told reporters.",
      "The repairs are expected to cost €12 million, most of it paid by the regional transport fund. A free shuttle ferry will run every fifteen minutes while the bridge is closed.",
    ],
  },
  {
    title: "Shop owners fear months of lost trade as bridge works loom",
    publisher: "Alder Valley Post",
    author: "Jonas Lindqvist",
    publishedAt: "2026-03-05",
    paragraphs: [
      "Traders on the north bank say the planned closure of the Kessel Street bridge could cost them a third of their customers.",
      "According to the chamber of commerce, only around 25,000 vehicles cross the bridge on a typical weekday, far fewer than the council has claimed.",
      "The council says the works will cost twelve million euros and take eight months, starting in May.",
      "Chamber president Ines Varga said the bridge had been “perfectly safe for decades” and called the corrosion report exaggerated.",
    ],
  },
  {
    title: "Fact file: what we know about the harbour bridge",
    publisher: "Port Alder Courier",
    author: "Demo desk",
    publishedAt: "2026-03-09",
    paragraphs: [
      "The Kessel Street bridge opened in 1974 and was last fully renovated in 1998.",
      "A 2025 inspection report, published by the council, lists corrosion in three girders and rates the structure “poor”.",
      "Traffic counts published by the regional transport office show an average of 38,700 vehicles per day in 2025.",
      "The council has put the cost of the repairs at €12 million; the regional fund has committed €9 million of that.",
    ],
  },
];
