/** An annotation file's size limit (UTF-8 bytes); a request carrying it JSON-escaped may be twice as large. */
export const MAX_CONTENT_BYTES = 10 * 1024 * 1024;
