/**
 * Client-safe wording for import reports and errors: the component, the CLI
 * and the server's messages name places in a file the same way.
 */

/** "task 2, result 3" for a skipped Label Studio result (the annotation named only when the task has several). */
export function describeResult(s: { task: number; annotation: number; result: number }): string {
  return `task ${s.task}${s.annotation > 1 ? `, annotation ${s.annotation}` : ""}, result ${s.result}`;
}

const ENTRY = /^(?:rows|items|first\.items)?\[(\d+)\]/;

/** How a place in a file is named: in English by default; the import form passes its own words. */
export interface PlaceWords {
  line(line: number): string;
  entry(entry: number): string;
  entryResult(entry: number, annotation: number, result: number): string;
}

const ENGLISH: PlaceWords = {
  line: (line) => `Line ${line}`,
  entry: (entry) => `Entry ${entry}`,
  entryResult: (entry, annotation, result) => `Entry ${entry}, annotation ${annotation}, result ${result}`,
};

/**
 * A problem+json field key as words for the form: null for the file as a
 * whole (`content`, `_`), "Line 3" for a JSON Lines line, "Entry 2, annotation
 * 1, result 3 (value.labels[0])" for a JSON path into an annotation file, and
 * "articles #4 › title" for a bundle's dotted path.
 */
export function fieldLabel(field: string, words: PlaceWords = ENGLISH): string | null {
  if (field === "content" || field === "_" || field === "") return null;
  const line = /^line (\d+)$/.exec(field);
  if (line) return words.line(Number(line[1]));
  const entry = ENTRY.exec(field);
  if (entry) {
    let rest = field.slice(entry[0].length);
    let label = words.entry(Number(entry[1]) + 1);
    const result = /^\.annotations\[(\d+)\]\.result\[(\d+)\]/.exec(rest);
    if (result) {
      label = words.entryResult(Number(entry[1]) + 1, Number(result[1]) + 1, Number(result[2]) + 1);
      rest = rest.slice(result[0].length);
    }
    rest = rest.replace(/^\./, "");
    return rest ? `${label} (${rest})` : label;
  }
  return field
    .split(".")
    .map((part) => (/^\d+$/.test(part) ? `#${Number(part) + 1}` : part))
    .join(" › ")
    .replace(/ › #/g, " #");
}
