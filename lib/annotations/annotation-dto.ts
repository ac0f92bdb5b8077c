import type { Prisma } from "@/lib/db/client";

/**
 * At most this many highlights are asked for by id in one request
 * (`…/annotations?ids=`): a live page fetching what a burst of changes named
 * (an import of 1,000 highlights names 1,000) asks in batches of this size.
 */
export const IDS_PER_REQUEST = 200;

/** What readers, the side panel and the API see of an annotation. */
export const annotationSelect = {
  id: true,
  start: true,
  end: true,
  status: true,
  exact: true,
  prefix: true,
  suffix: true,
  note: true,
  originalCreator: true,
  importedFrom: true,
  tags: true,
  createdAt: true,
  deletedAt: true,
  createdBy: { select: { id: true, name: true } },
  deletedBy: { select: { id: true, name: true } },
  claim: { select: { id: true, statement: true, verdict: true, reviewState: true, deletedAt: true } },
} satisfies Prisma.AnnotationSelect;

export type AnnotationRow = Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>;

export interface AnnotationView {
  id: string;
  start: number | null;
  end: number | null;
  status: "exact" | "moved" | "fuzzy" | "orphaned";
  exact: string;
  prefix: string;
  suffix: string;
  note: string | null;
  /** Imported from another tool (lib/annotation-import): who made it there, and which tool. */
  originalCreator: string | null;
  importedFrom: string | null;
  /** Labels it carried there (Label Studio, doccano, Hypothesis tags). */
  tags: string[];
  createdAt: string;
  createdBy: { id: string; name: string } | null;
  deletedAt: string | null;
  deletedBy: { id: string; name: string } | null;
  /** The claim this highlight is a mention of, if any. */
  claim: { id: string; statement: string; verdict: string | null; reviewState: string } | null;
}

export function toView({ claim, ...row }: AnnotationRow): AnnotationView {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
    claim: claim && !claim.deletedAt ? { id: claim.id, statement: claim.statement, verdict: claim.verdict, reviewState: claim.reviewState } : null,
  };
}

/** Who made the highlight, as people read it: an imported one names its author in the other tool. */
export function creditOf(a: Pick<AnnotationView, "originalCreator" | "importedFrom" | "createdBy">): string {
  if (a.originalCreator) return a.importedFrom ? `${a.originalCreator} (imported from ${a.importedFrom})` : a.originalCreator;
  if (a.importedFrom) return `Imported from ${a.importedFrom}`;
  return a.createdBy?.name ?? "Someone";
}
