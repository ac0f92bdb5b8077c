import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button-class";
import { CONTROL } from "@/components/ui/field";

/**
 * The audit log's filters as a plain GET form (the page reads them from the
 * address, so a filtered view can be bookmarked), and the export links for
 * the same filters.
 */
export function AuditFilters({
  slug,
  people,
  groups,
  values,
  errors,
  exportQuery,
}: {
  slug: string;
  people: { id: string; name: string }[];
  groups: { area: string; kinds: string[] }[];
  values: { person?: string; kind?: string; from?: string; to?: string };
  /** Each bad filter's message, by field. */
  errors: Record<string, string>;
  exportQuery: string;
}) {
  const invalid = (f: string) => (errors[f] ? { "aria-invalid": true, "aria-describedby": "audit-filter-error" } : {});
  const t = useTranslations("audit.filters");
  const words = useTranslations("audit");
  // A kind or area the catalogue doesn't name yet (a newer server's) is listed by its code.
  const said = (key: string, code: string) => (words.has(key as never) ? words(key as never) : code);
  const LABEL: Record<string, string> = { person: t("person"), kind: t("kind"), from: t("from"), to: t("to") };
  const exportHref = (format: string) => `/api/w/${slug}/audit/export?${new URLSearchParams([["format", format], ...new URLSearchParams(exportQuery)]).toString()}`;
  return (
    <div className="mb-4 rounded-xl bg-white p-4 ring-1 ring-stone-200">
      <form method="get" action={`/w/${slug}/settings/audit`} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_auto_auto_auto] lg:items-end" aria-label={t("label")}>
        <div className="space-y-1.5">
          <label htmlFor="audit-person" className="block text-sm font-medium text-stone-800">
            {LABEL.person}
          </label>
          <select id="audit-person" name="person" defaultValue={values.person ?? ""} className={CONTROL} {...invalid("person")}>
            <option value="">{t("anyone")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1.5">
          <label htmlFor="audit-kind" className="block text-sm font-medium text-stone-800">
            {LABEL.kind}
          </label>
          <select id="audit-kind" name="kind" defaultValue={values.kind ?? ""} className={CONTROL} {...invalid("kind")}>
            <option value="">{t("everyKind")}</option>
            {groups.map((g) => (
              <optgroup key={g.area} label={said(`areas.${g.area}`, g.area)}>
                <option value={g.area}>{t("allOfArea", { area: said(`areas.${g.area}`, g.area) })}</option>
                {g.kinds.map((k) => (
                  <option key={k} value={k}>
                    {said(`kinds.${k}`, k)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="space-y-1.5">
          <label htmlFor="audit-from" className="block text-sm font-medium text-stone-800">
            {LABEL.from}
          </label>
          <input id="audit-from" type="date" name="from" defaultValue={values.from ?? ""} className={CONTROL} {...invalid("from")} />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="audit-to" className="block text-sm font-medium text-stone-800">
            {LABEL.to}
          </label>
          <input id="audit-to" type="date" name="to" defaultValue={values.to ?? ""} className={CONTROL} {...invalid("to")} />
        </div>
        <div className="flex gap-2">
          <button type="submit" className={buttonClass("primary")}>
            {t("filter")}
          </button>
          <a href={`/w/${slug}/settings/audit`} className={buttonClass("ghost")}>
            {t("clear")}
          </a>
        </div>
      </form>
      {Object.keys(errors).length ? (
        <div id="audit-filter-error" role="alert" className="mt-2 space-y-1 text-sm text-red-700">
          {Object.entries(errors).map(([field, message]) => (
            <p key={field}>
              {field === "to" || field === "from" ? `${LABEL[field]}: ` : ""}
              {message}
            </p>
          ))}
        </div>
      ) : null}
      <div className="mt-3 flex flex-wrap items-center gap-2 border-t border-stone-100 pt-3 text-sm">
        <span className="text-stone-600">{t("exportThese")}</span>
        <a href={exportHref("csv")} className={buttonClass("secondary", "px-3 py-1.5")} download>
          {t("exportCsv")}
        </a>
        <a href={exportHref("jsonl")} className={buttonClass("secondary", "px-3 py-1.5")} download>
          {t("exportJsonl")}
        </a>
      </div>
    </div>
  );
}
