"use client";

import { useTranslations } from "next-intl";
import type { AnnotationView } from "@/lib/annotations/annotation-dto";
import { pageAt } from "@/lib/articles/page-starts";

/**
 * The reader's small phrases built from data, in the viewer's language: a highlight's page in a
 * PDF ("p. 4", "pp. 4–5") and who made it (lib's pageLabel and creditOf say the same in English,
 * for the API and exports).
 */
export function useReaderWords() {
  const t = useTranslations("reader.words");
  return {
    page(pageStarts: readonly number[] | null | undefined, start: number, end: number): string | null {
      const first = pageAt(pageStarts, start);
      if (first === null) return null;
      const last = pageAt(pageStarts, Math.max(start, end - 1)) ?? first;
      return last > first ? t("pages", { first, last }) : t("page", { page: first });
    },
    credit(a: Pick<AnnotationView, "originalCreator" | "importedFrom" | "createdBy">): string {
      if (a.originalCreator) return a.importedFrom ? t("creditImportedBy", { name: a.originalCreator, tool: a.importedFrom }) : a.originalCreator;
      if (a.importedFrom) return t("creditImported", { tool: a.importedFrom });
      return a.createdBy?.name ?? t("someone");
    },
  };
}
