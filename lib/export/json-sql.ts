/**
 * SQL expressions that write JSON text exactly as JSON.stringify writes the
 * same values: keys in the order given, no spaces; strings through to_json
 * (PostgreSQL escapes exactly what JSON.stringify does: `"`, `\`, control
 * characters, the short forms \b \f \n \r \t, the rest as lowercase \u00xx);
 * timestamps (stored as UTC `timestamp(3)`) as toISOString's
 * "YYYY-MM-DDTHH:MM:SS.mmmZ"; null as null. jsonb columns are written as
 * PostgreSQL prints them (the same value; a space after `:` and `,`).
 * For exports whose lines PostgreSQL writes and COPY streams (copy-stream.ts).
 */
export const str = (col: string) => `COALESCE(to_json(${col})::text, 'null')`;
export const num = (col: string) => `COALESCE(${col}::text, 'null')`;
export const time = (col: string) => `COALESCE('"' || to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"', 'null')`;
export const jsonb = (col: string) => `COALESCE(${col}::text, 'null')`;
/** `'{"a":' || <a> || ',"b":' || <b> || '}'` from [key, SQL] pairs. */
export const object = (fields: [string, string][], open = "{", close = "}") =>
  fields.map(([key, sql], i) => `'${i ? "," : open}"${key}":' || ${sql}`).join(" || ") + ` || '${close}'`;
