/** Getting articles in: pasted text, uploaded files (text, Markdown, HTML) and bulk imports from disk. */
export { importArticle, importRequestSchema, importMetadataSchema, type ImportArticleInput, type ImportArticleResult } from "./import-article";
export { importPaths, type ImportOutcome } from "./import-files";
export { parseArticle, parseArticleAsync, detectFormat, FORMATS, MAX_BYTES, type Format, type ParsedArticle } from "./parse-file";
export { htmlToDoc, htmlToDocAsync } from "./html-to-doc";
export { MAX_HTML_DEPTH } from "./html-depth";
export { markdownToDoc } from "./markdown";
