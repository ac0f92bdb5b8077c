import { InlineMarkdown } from "@/components/ui/inline-markdown";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { openApiDocument } from "@/lib/api-v1";
import { referenceOf, type FieldRow } from "@/lib/api-v1/reference";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.apiDocs"))("metaTitle") };
}

/** The page's own words (headings, table heads) in the reader's language; the OpenAPI reference itself stays English. */
type Words = Record<"field" | "type" | "notes" | "required", string>;

const METHOD_STYLE: Record<string, string> = {
  GET: "bg-sky-100 text-sky-900",
  POST: "bg-emerald-100 text-emerald-900",
  PUT: "bg-amber-100 text-amber-900",
  PATCH: "bg-amber-100 text-amber-900",
  DELETE: "bg-red-100 text-red-900",
};

const anchor = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-");

function TypeCell({ type, refName }: { type: string; refName?: string }) {
  if (!refName) return <code className="text-xs">{type}</code>;
  const [before, after] = type.split(refName);
  return (
    <code className="text-xs">
      {before}
      <a href={`#schema-${refName}`} className="text-brand-700 underline">
        {refName}
      </a>
      {after}
    </code>
  );
}

function Fields({ rows, words }: { rows: FieldRow[]; words: Words }) {
  return (
    // Long names and types may break anywhere: on a phone the table then fits the screen.
    <table className="mt-2 w-full text-left text-sm [overflow-wrap:anywhere]">
      <thead className="text-stone-600">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">{words.field}</th>
          <th scope="col" className="py-1 pr-3 font-medium">{words.type}</th>
          <th scope="col" className="py-1 font-medium">{words.notes}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-stone-100 align-top">
        {rows.map((f) => (
          <tr key={f.name}>
            <td className="py-1 pr-3">
              <code className="text-xs font-semibold">{f.name}</code>
              {f.required ? <span className="ml-1 text-xs text-red-700">{words.required}</span> : null}
            </td>
            <td className="py-1 pr-3">
              <TypeCell type={f.type} refName={f.ref} />
            </td>
            <td className="py-1 text-stone-700" lang="en">
              {f.description ? <InlineMarkdown text={f.description} /> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The API reference, rendered on the server from the generated OpenAPI document (no external assets). */
export default async function ApiDocsPage() {
  const [t, locale] = await Promise.all([getTranslations("pages.apiDocs"), getLocale()]);
  const words: Words = { field: t("field"), type: t("type"), notes: t("notes"), required: t("required") };
  const doc = openApiDocument();
  const info = doc.info as { title: string; description: string };
  const base = (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
  const { tags, schemas } = referenceOf(doc, base);
  return (
    <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 lg:grid-cols-[14rem_minmax(0,1fr)]">
      <nav aria-label={t("sections")} className="text-sm lg:sticky lg:top-4 lg:h-fit">
        <ul className="space-y-1">
          <li>
            <a href="#overview" className="font-medium hover:underline">
              {t("overview")}
            </a>
          </li>
          {tags.map((t) => (
            <li key={t.name}>
              <a href={`#tag-${anchor(t.name)}`} className="font-medium hover:underline" lang="en">
                {t.name}
              </a>
              <ul className="ml-3 mt-1 space-y-0.5 text-stone-600" lang="en">
                {t.operations.map((op) => (
                  <li key={op.id}>
                    <a href={`#op-${op.id}`} className="hover:underline">{op.summary}</a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
          <li>
            <a href="#schemas" className="font-medium hover:underline">
              {t("schemas")}
            </a>
          </li>
        </ul>
      </nav>
      <div className="min-w-0">
        <section id="overview" aria-labelledby="overview-heading">
          <h1 id="overview-heading" className="text-2xl font-semibold tracking-tight">
            {t("title")}
          </h1>
          {locale !== "en" ? <p className="mt-2 max-w-3xl text-sm text-stone-700">{t("englishOnly")}</p> : null}
          <p className="mt-2 max-w-3xl text-sm text-stone-700" lang="en">
            <InlineMarkdown text={info.description} />
          </p>
          <p className="mt-2 text-sm text-stone-700">
            {t.rich("machineReadable", {
              link: (chunks) => (
                <a href="/api/v1/openapi.json" className="text-brand-700 underline">
                  {chunks}
                </a>
              ),
              tokens: (chunks) => (
                <Link href="/settings/tokens" className="text-brand-700 underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
          <pre tabIndex={0} className="mt-2 overflow-x-auto rounded-md bg-stone-900 p-3 text-xs text-stone-100">
            {`export CLAIMTRAIL_TOKEN=ct_…\nexport WORKSPACE=your-workspace-slug\ncurl "${base}/api/v1/workspaces" -H "Authorization: Bearer $CLAIMTRAIL_TOKEN"`}
          </pre>
        </section>

        {tags.map((tag) => (
          <section key={tag.name} id={`tag-${anchor(tag.name)}`} aria-labelledby={`tag-${anchor(tag.name)}-heading`} className="mt-12">
            <h2 id={`tag-${anchor(tag.name)}-heading`} className="border-b border-stone-200 pb-1 text-xl font-semibold" lang="en">
              {tag.name}
            </h2>
            {tag.operations.map((op) => (
              <article key={op.id} id={`op-${op.id}`} aria-labelledby={`op-${op.id}-heading`} className="mt-6 rounded-xl bg-white p-5 ring-1 ring-stone-200">
                <h3 id={`op-${op.id}-heading`} className="font-semibold" lang="en">
                  {op.summary}
                </h3>
                <p className="mt-1 font-mono text-sm break-all">
                  <span className={`mr-2 rounded px-1.5 py-0.5 text-xs font-bold ${METHOD_STYLE[op.method] ?? ""}`}>{op.method}</span>
                  /api/v1{op.path}
                </p>
                {op.description ? (
                  <p className="mt-2 text-sm text-stone-700" lang="en">
                    <InlineMarkdown text={op.description} />
                  </p>
                ) : null}
                {op.permission ? (
                  <p className="mt-1 text-xs text-stone-500">
                    {t("permission")} <code>{op.permission}</code>
                  </p>
                ) : null}
                {op.parameters.length ? (
                  <>
                    <h4 className="mt-4 text-sm font-medium">{t("parameters")}</h4>
                    <Fields words={words} rows={op.parameters.map((p) => ({ name: p.name, type: `${p.type} (${p.in})`, required: p.required, description: p.description }))} />
                  </>
                ) : null}
                {op.body ? (
                  <>
                    <h4 className="mt-4 text-sm font-medium">{t("body")}</h4>
                    {op.body.fields.length ? (
                      <Fields words={words} rows={op.body.fields} />
                    ) : (
                      <p className="text-sm text-stone-600">{t.rich("see", { ref: () => <TypeCell type={op.body?.ref ?? "schema"} refName={op.body?.ref} /> })}</p>
                    )}
                  </>
                ) : null}
                <h4 className="mt-4 text-sm font-medium">{t("responses")}</h4>
                <ul className="mt-1 space-y-0.5 text-sm">
                  {op.responses.map((r) => (
                    <li key={r.status}>
                      <code className="font-semibold">{r.status}</code>{" "}
                      <span lang="en">
                        <InlineMarkdown text={r.description} />
                      </span>{" "}
                      {r.type ? <TypeCell type={r.type} refName={r.ref} /> : null}
                      {r.mediaType && r.mediaType !== "application/json" && r.mediaType !== "application/problem+json" ? <code className="ml-1 text-xs text-stone-500">{r.mediaType}</code> : null}
                    </li>
                  ))}
                </ul>
                <h4 className="mt-4 text-sm font-medium">{t("example")}</h4>
                <pre tabIndex={0} className="mt-1 overflow-x-auto rounded-md bg-stone-900 p-3 text-xs text-stone-100">{op.curl}</pre>
              </article>
            ))}
          </section>
        ))}

        <section id="schemas" aria-labelledby="schemas-heading" className="mt-12">
          <h2 id="schemas-heading" className="border-b border-stone-200 pb-1 text-xl font-semibold">
            {t("schemas")}
          </h2>
          {schemas.map((s) => (
            <article key={s.name} id={`schema-${s.name}`} className="mt-6 rounded-xl bg-white p-5 ring-1 ring-stone-200">
              <h3 className="font-mono font-semibold">{s.name}</h3>
              {s.description ? (
                <p className="mt-1 text-sm text-stone-700" lang="en">
                  <InlineMarkdown text={s.description} />
                </p>
              ) : null}
              {s.fields ? <Fields words={words} rows={s.fields} /> : <p className="mt-1 text-sm text-stone-600">{t("richNode")}</p>}
            </article>
          ))}
        </section>
      </div>
    </div>
  );
}
