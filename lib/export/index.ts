/**
 * Exports of a workspace's articles, highlights and claims in five formats,
 * streamed a batch at a time (README, "Export"). Client components import
 * from "./filters" only: this index pulls in the database client.
 */
export { countExportSet, exportSet, parseExportFilters, type ExportCounts, type ExportSet } from "./export-set";
export { exportChunks, exportFilename, exportLocale, exportResponse, exportToString, FORMATS, parseFormat } from "./export";
export * from "./filters";
