/**
 * The language tags of an Accept-Language header, most preferred first (by q, then order), without
 * the ones refused (q=0) and without "*". The one reading of the header: the UI language
 * (resolve-locale.ts) and the date-formatting locale (lib/format/dates.ts) both pick from it. Bounded
 * (1,000 characters, 30 entries) since the header is the client's to make as long as it likes.
 */
export function rankAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .slice(0, 1000)
    .split(",")
    .slice(0, 30)
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(p)).find(Boolean);
      return { tag: tag.trim(), q: q ? Number(q[1]) : 1, index };
    })
    .filter((e) => e.tag && e.tag !== "*" && e.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((e) => e.tag);
}
