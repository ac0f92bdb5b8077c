"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { fieldLabel, type PlaceWords } from "@/lib/annotation-import/describe";

/**
 * Why a file was refused, shown under its file control (which names it with
 * aria-describedby): the server's sentence, then each field it names in words
 * ("Entry 2, annotation 1, result 3 (value)", "Line 4") — never a raw JSON
 * path or a `content:` prefix for the file as a whole.
 */
export function ImportProblem({ id, message, fields }: { id: string; message: string; fields: Record<string, string> }) {
  const t = useTranslations("articles.problem");
  const words: PlaceWords = { line: (line) => t("line", { line }), entry: (entry) => t("entry", { entry }), entryResult: (entry, annotation, result) => t("entryResult", { entry, annotation, result }) };
  const entries = Object.entries(fields)
    .map(([field, text]) => ({ field, label: fieldLabel(field, words), text }))
    // The file as a whole: its message is the sentence above, or adds to it without a name.
    .filter((e) => e.text !== message && !(e.label === null && message.includes(e.text.replace(/\.$/, ""))));
  return (
    <div id={id}>
      <Alert>
        <p>{message}</p>
        {entries.length > 0 && (
          <ul className="mt-2 list-disc pl-5">
            {entries.map((e) => (
              <li key={e.field} className="[overflow-wrap:anywhere]">
                {e.label && <span className="font-medium">{e.label}: </span>}
                {e.text}
              </li>
            ))}
          </ul>
        )}
      </Alert>
    </div>
  );
}
