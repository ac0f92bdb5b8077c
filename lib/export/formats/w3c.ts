import { REVIEW_STATE_LABELS } from "@/lib/claims/review-states";
import { AnchorStatus, Prisma } from "@/lib/db/generated/client";
import { VERDICTS, type Verdict } from "@/lib/claims/verdicts";
import { keysetPages, readAhead, type ExportClaim, type ExportMention, type Keyed } from "../batches";
import type pg from "pg";
import { closeAll, copyTuples, snapshotConnections, sqlLiteral } from "../copy-stream";
import type { ExportChunk } from "../export";
import { str, time } from "../json-sql";
import { exportRows } from "../rows";
import { claimUrl, iso, verdictFields, type ExportContext } from "../context";
import { describeSpan } from "@/lib/anchoring/selectors";
import { pageAt } from "@/lib/articles/page-starts";
import { CodePointIndex } from "./code-points";
import { Utf8Text } from "./utf8-text";
import { CLAIMTRAIL_NS } from "./namespace";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/**
 * The collection's @context: the W3C one plus the `ct:` prefix for
 * Claimtrail's own terms; `ct:page` and `ct:article` are declared IRIs, so a
 * JSON-LD processor reads them as links, not as strings.
 */
export const W3C_CONTEXT = [ANNO_CONTEXT, { ct: CLAIMTRAIL_NS, "ct:page": { "@type": "@id" }, "ct:article": { "@type": "@id" } }] as const;

/** oa:assessing is in the W3C vocabulary but has no short term in its context, so it is written as a compact IRI. */
export const ASSESSING = "oa:assessing";

export const annotationUrn = (id: string) => `urn:claimtrail:annotation:${id}`;
export const articleUrn = (id: string) => `urn:claimtrail:article:${id}`;
export const claimUrn = (id: string) => `urn:claimtrail:claim:${id}`;
export const userUrn = (id: string) => `urn:claimtrail:user:${id}`;

/**
 * The mention's selectors as the W3C model defines them, over the article's
 * current canonical text: the position in code points (the model's MUST; the
 * app stores UTF-16 code units), and the quote being the text at that
 * position now, after any re-anchoring (the stored quote is the one first
 * made; after a fuzzy re-anchoring it differs from the text there). An
 * orphaned mention has no position, only the quote as first made.
 */
export function w3cSelectors(m: ExportMention, points: (text: string) => CodePointIndex = (text) => new CodePointIndex(text)) {
  const text = m.article.text;
  if (m.start === null || m.end === null || text === undefined || m.end > text.length) {
    return [{ type: "TextQuoteSelector", exact: m.exact, prefix: m.prefix, suffix: m.suffix }];
  }
  let quote;
  try {
    ({ quote } = describeSpan(text, m.start, m.end));
  } catch {
    // A stored span the text can't hold (never written by the app): the quote alone, rather than a failed download.
    return [{ type: "TextQuoteSelector", exact: m.exact, prefix: m.prefix, suffix: m.suffix }];
  }
  const index = points(text);
  return [
    { type: "TextPositionSelector", start: index.offset(m.start), end: index.offset(m.end) },
    { type: "TextQuoteSelector", exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
  ];
}

/**
 * One W3C Web Annotation for one mention. The target's source is the
 * article's own URL when it has one, else a stable URN. What belongs to this
 * mention (its creator, article and anchoring status) is on the annotation;
 * the bodies: the statement (`describing`), the verdict's label
 * (`oa:assessing`, when there is a verdict), one per tag (`tagging`), and the
 * claim itself as a `ct:Claim` with its structured fields, the same node in
 * every annotation of that claim.
 */
export function webAnnotation(ctx: ExportContext, c: ExportClaim, m: ExportMention, points?: (text: string) => CodePointIndex) {
  const v = verdictFields(ctx, c.verdict);
  const pdfPage = m.start === null ? null : pageAt(m.article.pageStarts, m.start);
  return {
    id: annotationUrn(m.annotationId),
    type: "Annotation",
    motivation: c.verdict ? ASSESSING : "tagging",
    // An annotation imported from another tool names who made it there (no account here, so no id).
    ...(m.originalCreator
      ? { creator: { type: "Person", name: m.originalCreator } }
      : m.creator
        ? { creator: { id: userUrn(m.creator.id), type: "Person", name: m.creator.name } }
        : {}),
    created: iso(m.createdAt),
    "ct:article": articleUrn(m.article.id),
    "ct:anchorStatus": m.status,
    // PDFs: the page (1-based) the mention starts on in the original file.
    ...(pdfPage !== null ? { "ct:pdfPage": pdfPage } : {}),
    target: {
      type: "SpecificResource",
      source: m.article.url ?? articleUrn(m.article.id),
      selector: w3cSelectors(m, points),
    },
    body: [
      { type: "TextualBody", value: c.statement, purpose: "describing", format: "text/plain" },
      ...(v.verdictLabel ? [{ type: "TextualBody", value: v.verdictLabel, purpose: ASSESSING, format: "text/plain" }] : []),
      ...c.tags.map((t) => ({ type: "TextualBody", value: t, purpose: "tagging" })),
      {
        id: claimUrn(c.id),
        type: "ct:Claim",
        "ct:page": claimUrl(ctx, c.id),
        "ct:statement": c.statement,
        ...(c.claimant ? { "ct:claimant": c.claimant } : {}),
        "ct:reviewState": c.reviewState,
        "ct:reviewStateLabel": REVIEW_STATE_LABELS[c.reviewState],
        ...(v.verdict ? { "ct:verdict": v.verdict, "ct:verdictLabel": v.verdictLabel } : {}),
        ...(v.rating !== null ? { "ct:rating": v.rating } : {}),
      },
    ],
  };
}

/** Articles per query for W3C: their texts are what memory holds at a time (the mentions stream past). */
export const W3C_ARTICLE_PAGE = 50;

/** An article's text as its UTF-8 bytes (Utf8Text: a decoded text would wait in V8's old generation). */
type ArticleText = Keyed & { text: Buffer };

/** A page of articles' ids and texts (`sql`: id, createdAt, text), by COPY: the texts come as bytes, each copied out of the network's chunks. */
async function articleTexts(sql: Prisma.Sql, connection: pg.Client, signal?: AbortSignal): Promise<ArticleText[]> {
  const page: ArticleText[] = [];
  for await (const tuples of copyTuples(sql, { connection, signal })) {
    for (const [id, createdAt, text] of tuples) {
      page.push({ id: id!.toString("utf8"), createdAt: new Date(`${createdAt!.toString("latin1").replace(" ", "T")}Z`), text: Buffer.from(text!) });
    }
  }
  return page;
}

/** Text encodeURIComponent leaves unchanged (an SQL pattern); its characters are also ones JSON.stringify writes as they are. */
const URI_SAFE = `'^[A-Za-z0-9_.!~*''()-]*$'`;

/** JavaScript's encodeURIComponent in SQL, for ids (any text); ids of URL-safe characters, as the app makes, pass unchanged. */
const uriComponentSql = (x: string) =>
  `CASE WHEN ${x} ~ ${URI_SAFE} THEN ${x} ELSE (SELECT string_agg(CASE WHEN ch ~ '^[A-Za-z0-9_.!~*''()-]$' THEN ch ELSE regexp_replace(upper(encode(convert_to(ch, 'UTF8'), 'hex')), '(..)', '%\\1', 'g') END, '' ORDER BY i) FROM regexp_split_to_table(${x}, '') WITH ORDINALITY AS x(ch, i)) END`;

/** `"key":value` pairs as SQL text (json-sql.ts), without braces. */
const pairs = (fields: [string, string][]) => fields.map(([key, sql], i) => `'${i ? "," : ""}"${key}":' || ${sql}`).join(" || ");
/** JSON text of a value known in JavaScript, as an SQL literal (the part of a line that depends on it). */
const lit = (v: unknown) => sqlLiteral(v === undefined ? "" : JSON.stringify(v));

/** How an expression names a table's column: `alias."column"` as it is, or what a query over a subquery reads it as. */
type Column = (alias: string, column: string) => string;
const column: Column = (alias, name) => `${alias}."${name}"`;

/** The stored quote as a TextQuoteSelector's JSON text (SQL over alias `a`). */
const quoteSelectorSql = (col: Column = column) => `'{"type":"TextQuoteSelector",' || ${pairs([
  ["exact", str(col("a", "exact"))],
  ["prefix", str(col("a", "prefix"))],
  ["suffix", str(col("a", "suffix"))],
])} || '}'`;

/** Tags written inline, without a subquery, up to this many; a claim with more takes the subquery. */
export const INLINE_TAGS = 4;

/**
 * One `,{"type":"TextualBody","value":<tag>,"purpose":"tagging"}` per element of the text[] `tags`, in order
 * (a NULL element writes nothing, as string_agg skips it). A subquery per line (unnest, string_agg) was a fifth
 * of the database's work for W3C: claims with up to INLINE_TAGS tags (nearly all) are written element by
 * element; more, or an array not indexed from 1, take the subquery.
 */
export function tagBodiesSql(tags: string): string {
  const body = (t: string) => `COALESCE(',{"type":"TextualBody","value":' || to_json(${t})::text || ',"purpose":"tagging"}', '')`;
  const aggregate = `COALESCE((SELECT string_agg(${body("t")}, '' ORDER BY i) FROM unnest(${tags}) WITH ORDINALITY AS x(t, i)), '')`;
  const inline = Array.from({ length: INLINE_TAGS }, (_, n) =>
    `WHEN ${n + 1} THEN ${Array.from({ length: n + 1 }, (_, i) => body(`${tags}[${i + 1}]`)).join(" || ")}`,
  ).join(" ");
  return `CASE WHEN cardinality(${tags}) = 0 THEN '' WHEN array_lower(${tags}, 1) <> 1 OR array_ndims(${tags}) <> 1 THEN ${aggregate} ELSE CASE cardinality(${tags}) ${inline} ELSE ${aggregate} END END`;
}

/**
 * One mention per row, in the export's order, each as the text of
 * JSON.stringify(webAnnotation(…)) around its selectors: `head` up to
 * `"selector":`, `tail` after it, `quote` the stored quote as a
 * TextQuoteSelector (the selectors when no position can be given), and the
 * article and span the selectors are computed from in JavaScript.
 */
function mentionLinesSql(ctx: ExportContext): Prisma.Sql {
  const { set } = ctx;
  // The lines are written after the rows are sorted (article by article, each article's mentions in order), not before:
  // a sort of the written lines (the planner joins everything first) spilled twice as many bytes to disk. The inner
  // query reads the columns the lines use, each as "<alias>_<column>"; the outer one writes the lines from them. The
  // expressions below name columns through `col` (or a, ar, c, u), which notes each for the inner query.
  const columns = new Map<string, string>();
  const col: Column = (alias, name) => {
    columns.set(`${alias}_${name}`, column(alias, name));
    return `s."${alias}_${name}"`;
  };
  const [a, ar, c, u] = (["a", "ar", "c", "u"] as const).map((alias) => (name: string) => col(alias, name));
  const byVerdict = (pick: (v: Verdict | null) => string) => `CASE ${c("verdict")} ${VERDICTS.map((v) => `WHEN ${sqlLiteral(v)} THEN ${pick(v)}`).join(" ")} ELSE ${pick(null)} END`;
  // What JavaScript writes for each verdict, from the workspace's labels: webAnnotation's own fields.
  const motivation = byVerdict((v) => lit(v ? ASSESSING : "tagging"));
  const verdictBody = byVerdict((v) => {
    const f = verdictFields(ctx, v);
    return sqlLiteral(f.verdictLabel ? `,${JSON.stringify({ type: "TextualBody", value: f.verdictLabel, purpose: ASSESSING, format: "text/plain" })}` : "");
  });
  const verdictNode = byVerdict((v) => {
    const f = verdictFields(ctx, v);
    const o = { ...(f.verdict ? { "ct:verdict": f.verdict, "ct:verdictLabel": f.verdictLabel } : {}), ...(f.rating !== null ? { "ct:rating": f.rating } : {}) };
    const text = JSON.stringify(o);
    return sqlLiteral(text === "{}" ? "" : `,${text.slice(1, -1)}`);
  });
  // The state and its label as literals for the known states (no to_json per line); any other state as before, without a label.
  const reviewState = `CASE ${c("reviewState")} ${Object.entries(REVIEW_STATE_LABELS)
    .map(([state, label]) => `WHEN ${sqlLiteral(state)} THEN ${sqlLiteral(`,"ct:reviewState":${JSON.stringify(state)},"ct:reviewStateLabel":${JSON.stringify(label)}`)}`)
    .join(" ")} ELSE ',"ct:reviewState":' || ${str(c("reviewState"))} END`;
  const claimPage = sqlLiteral(claimUrl(ctx, ""));
  const creator = `CASE WHEN ${a("originalCreator")} IS NOT NULL AND ${a("originalCreator")} <> '' THEN ',"creator":{"type":"Person","name":' || to_json(${a("originalCreator")})::text || '}'
    WHEN ${u("creator")} IS NOT NULL THEN ${u("creator")} ELSE '' END`;
  // Each user's creator object written once (users are few; their mentions many), not once per mention: in the inner query's join.
  const userCreator = `',"creator":{"id":' || to_json('urn:claimtrail:user:' || u."id")::text || ',"type":"Person","name":' || to_json(COALESCE(u."name", ''))::text || '}'`;
  const pdfPage = `CASE WHEN ${a("start")} IS NULL OR cardinality(${ar("pageStarts")}) = 0 THEN '' ELSE ',"ct:pdfPage":' || (SELECT count(*) FROM unnest(${ar("pageStarts")}) p WHERE p <= ${a("start")})::text END`;
  // The schema's statuses as literals (a CASE on the enum is cheaper than to_json of its text per line).
  const anchorStatus = `CASE ${a("status")} ${Object.values(AnchorStatus)
    .map((status) => `WHEN ${sqlLiteral(status)} THEN ${sqlLiteral(JSON.stringify(status))}`)
    .join(" ")} ELSE ${str(`${a("status")}::text`)} END`;
  const head =
    `'{' || ${pairs([
      ["id", str(`'urn:claimtrail:annotation:' || ${a("id")}`)],
      ["type", `'"Annotation"'`],
      ["motivation", motivation],
    ])} || ${creator} || ${pairs([
      ["created", time(a("createdAt"))],
      ["ct:article", str(`'urn:claimtrail:article:' || ${ar("id")}`)],
      ["ct:anchorStatus", anchorStatus],
    ]).replace(/^'"/, `',"`)} || ${pdfPage} || ',"target":{"type":"SpecificResource","source":' || ${str(`COALESCE(${ar("url")}, 'urn:claimtrail:article:' || ${ar("id")})`)} || ',"selector":'`;
  const tags = tagBodiesSql(c("tags"));
  // Parts computed in the inner query, once per row, that the outer one writes more than once (the statement, twice).
  const statement = 's."c_statement_json"';
  columns.set("c_statement_json", str(`c."statement"`));
  // The claim's id and page: an id of URL-safe characters (as the app makes) is written as it is between literals; others as before.
  const claimIds = `CASE WHEN ${c("id")} ~ ${URI_SAFE} THEN ',{"id":"urn:claimtrail:claim:' || ${c("id")} || '","type":"ct:Claim","ct:page":' || ${sqlLiteral(JSON.stringify(claimUrl(ctx, "")).slice(0, -1))} || ${c("id")} || '"'
    ELSE ',{"id":' || ${str(`'urn:claimtrail:claim:' || ${c("id")}`)} || ',"type":"ct:Claim","ct:page":' || to_json(${claimPage} || ${uriComponentSql(c("id"))})::text END`;
  const tail =
    `'},"body":[{"type":"TextualBody","value":' || ${statement} || ',"purpose":"describing","format":"text/plain"}' || ${verdictBody} || ${tags}` +
    ` || ${claimIds}` +
    ` || ',"ct:statement":' || ${statement} || CASE WHEN ${c("claimant")} IS NOT NULL AND ${c("claimant")} <> '' THEN ',"ct:claimant":' || to_json(${c("claimant")})::text ELSE '' END` +
    ` || ${reviewState} || ${verdictNode} || '}]}'`;
  // Only a mention without a position is written with its stored quote, so only then is it read (a quarter of the
  // database's work per line, when every line carried it); the rare span its text can't hold reads it alone (storedQuote).
  const quote = `CASE WHEN ${a("start")} IS NULL OR ${a("end")} IS NULL THEN ${quoteSelectorSql(col)} END`;
  const lines = `${a("articleId")}, ${a("start")}::text, ${a("end")}::text, ${head}, ${tail}, ${quote}, ${a("id")}`;
  const keys = [ar("createdAt"), ar("id"), a("createdAt"), a("id")].join(", ");
  // Last: every column the outer query names has been noted.
  const inner = [...columns].map(([name, sql]) => `${sql} AS "${name}"`).join(", ");
  return Prisma.sql`
    SELECT ${Prisma.raw(lines)}
    FROM (
      SELECT ${Prisma.raw(inner)}
      FROM "Article" ar JOIN "Annotation" a ON a."articleId" = ar."id" JOIN "Claim" c ON c."id" = a."claimId" LEFT JOIN (SELECT u."id", ${Prisma.raw(userCreator)} AS "creator" FROM "User" u OFFSET 0) u ON u."id" = a."createdById"
      WHERE ${set.articles} AND ${set.mentions} AND ${set.claims}
      ORDER BY ar."createdAt", ar."id", a."createdAt", a."id" OFFSET 0
    ) s
    ORDER BY ${Prisma.raw(keys)}`;
}

/** The stored quote of one annotation as quoteSelectorSql writes it: for a position its article's text can't hold (never written by the app). */
async function storedQuote(annotationId: string, connection: pg.Client): Promise<string> {
  const [row] = await exportRows<{ quote: string }>(Prisma.sql`SELECT ${Prisma.raw(quoteSelectorSql())} AS "quote" FROM "Annotation" a WHERE a."id" = ${annotationId}`, connection);
  return row.quote;
}

/**
 * Bytes of output gathered before they go out: coalesce (export.ts) passes on a piece of at least its
 * RESPONSE_PIECE_BYTES as it is, so lines written here straight into a piece this size are copied once,
 * not once per line and again per response piece.
 */
const PIECE_BYTES = 256 * 1024;

/**
 * A W3C AnnotationCollection holding every mention in the set, in one
 * embedded AnnotationPage (`first`; a page without `next` is the last). The
 * collection's `total` comes after the page, once the items are counted, so
 * the file streams. Mentions go article by article (articles in creation
 * order, each article's mentions in theirs). Each annotation is written by
 * PostgreSQL (mentionLinesSql) and streamed by COPY, except its selectors,
 * which are computed here from the article's current text (read a page of
 * articles at a time, in the same order, alongside): memory holds one page
 * of texts and a network chunk of lines. The text is the same as
 * JSON.stringify(webAnnotation(…)) for each mention (the tests compare the two).
 */
export async function* w3cExport(ctx: ExportContext): AsyncGenerator<ExportChunk> {
  // The lines and the articles' texts from one snapshot (two connections, since the lines stream while texts are
  // read): an article edited meanwhile moves its highlights in the same transaction, so offsets read before the
  // edit and a text read after it would give selectors that quote the wrong words.
  const connections = await snapshotConnections(2);
  try {
    yield* w3cCollection(ctx, connections[0], connections[1]);
  } finally {
    await closeAll(connections);
  }
}

async function* w3cCollection(ctx: ExportContext, linesOn: pg.Client, textsOn: pg.Client): AsyncGenerator<ExportChunk> {
  const { set } = ctx;
  const collectionId = `urn:claimtrail:export:${ctx.workspace.id}:${ctx.exportedAt.getTime()}`;
  const head = {
    "@context": W3C_CONTEXT,
    id: collectionId,
    type: "AnnotationCollection",
    label: `${ctx.workspace.name}: claims`,
    generated: iso(ctx.exportedAt),
  };
  const page = { id: `${collectionId}:page:0`, type: "AnnotationPage", partOf: collectionId, startIndex: 0 };
  const lines = copyTuples(mentionLinesSql(ctx), { signal: ctx.signal, connection: linesOn });
  // The first lines are asked for before any byte goes out: a failure of the query is an error, not a cut-off file.
  const firstLines = await lines.next();
  yield `${JSON.stringify(head).slice(0, -1)},\n"first":${JSON.stringify(page).slice(0, -1)},"items":[`;
  let total = 0;
  // Each page read whole before the next query on the connection (storedQuote's, textOf's), so neither waits on the other.
  const articles = readAhead(
    keysetPages<ArticleText>(
      "ar",
      (after, take) =>
        articleTexts(Prisma.sql`SELECT ar."id", ar."createdAt"::text, ar."text" FROM "Article" ar WHERE ${set.articles}${after} ORDER BY ar."createdAt", ar."id" LIMIT ${take}`, textsOn, ctx.signal),
      W3C_ARTICLE_PAGE,
    ),
  );
  let texts = new Map<string, Buffer>();
  let articlesDone = false;
  /** The article's text: the article pages advance in the lines' order; one written since (not in the pages read) is read alone. */
  const textOf = async (id: string): Promise<Buffer> => {
    for (;;) {
      const text = texts.get(id);
      if (text !== undefined) return text;
      if (articlesDone) break;
      const next = await articles.next();
      if (next.done) articlesDone = true;
      else texts = new Map(next.value.map((a) => [a.id, a.text]));
    }
    const [row] = await articleTexts(Prisma.sql`SELECT ar."id", ar."createdAt"::text, ar."text" FROM "Article" ar WHERE ar."id" = ${id}`, textsOn, ctx.signal);
    return row?.text ?? Buffer.alloc(0);
  };
  // The current article's text, indexed once however many highlights it holds.
  const text = new Utf8Text();
  // A non-negative integer's decimal digits (start and end, written by ::text), read without making a string per field.
  const num = (b: Buffer | null) => {
    if (b === null) return null;
    let n = 0;
    for (let i = 0; i < b.length; i++) {
      const d = b[i] - 0x30;
      if (d < 0 || d > 9) return Number(b.toString("latin1")); // a sign: the rare negative offset, as Number reads it
      n = n * 10 + d;
    }
    return n;
  };
  let piece = Buffer.allocUnsafe(PIECE_BYTES);
  let used = 0;
  /** Room for `bytes` more in the piece: the piece so far goes out first when they don't fit. */
  const room = (bytes: number): Buffer | null => {
    if (used + bytes <= piece.length) return null;
    const full = used ? piece.subarray(0, used) : null;
    piece = Buffer.allocUnsafe(Math.max(PIECE_BYTES, bytes));
    used = 0;
    return full;
  };
  try {
    let batch = firstLines;
    let article: Buffer | null = null;
    while (!batch.done) {
      for (const [idBytes, start, end, before, after, quote, annotationId] of batch.value) {
        if (article === null || !idBytes!.equals(article)) {
          article = Buffer.from(idBytes!); // a copy: the row's fields are views of a network chunk
          text.of(await textOf(article.toString("utf8")));
        }
        const [from, to] = [num(start), num(end)];
        const selectors = (from !== null && to !== null ? text.selectorsJson(from, to) : null) ?? (quote ? null : `[${await storedQuote(annotationId!.toString("utf8"), textsOn)}]`);
        // A JavaScript string is at most 3 UTF-8 bytes per code unit.
        const most = 2 + before!.length + after!.length + (selectors === null ? quote!.length + 2 : 3 * selectors.length);
        const full = room(most);
        if (full) yield full;
        used += piece.write(total === 0 ? "\n" : ",\n", used, "latin1");
        used += before!.copy(piece, used);
        if (selectors === null) {
          piece[used++] = 0x5b; // [
          used += quote!.copy(piece, used);
          piece[used++] = 0x5d; // ]
        } else used += piece.write(selectors, used, "utf8");
        used += after!.copy(piece, used);
        total += 1;
        if (used >= PIECE_BYTES) {
          yield piece.subarray(0, used);
          piece = Buffer.allocUnsafe(PIECE_BYTES);
          used = 0;
        }
      }
      batch = await lines.next();
    }
  } finally {
    await lines.return(undefined);
    await articles.return(undefined);
  }
  if (used) yield piece.subarray(0, used);
  yield `${total ? "\n" : ""}]},\n"total":${total}}\n`;
}
