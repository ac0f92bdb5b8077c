import type { GlossaryLanguage } from "./schemas";

export interface GlossaryPairView {
  id: string;
  language: GlossaryLanguage;
  term: string;
  english: string;
  createdAt: string;
  updatedAt: string;
}

export function pairView(p: { id: string; language: string; term: string; english: string; createdAt: Date; updatedAt: Date }): GlossaryPairView {
  return { id: p.id, language: p.language as GlossaryLanguage, term: p.term, english: p.english, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString() };
}

export interface GlossaryProposalView {
  id: string;
  language: GlossaryLanguage;
  term: string;
  english: string;
  /** Attached mentions (Russian or Ukrainian quote, English claim) that held both words. */
  support: number;
}

export interface NameAliasView {
  id: string;
  status: "confirmed" | "dismissed";
  names: string[];
}
