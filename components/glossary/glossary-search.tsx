import { useTranslations } from "next-intl";
import { CONTROL } from "@/components/ui/field";

/** Searches the glossary by reloading the page with ?q= (a plain form: works before scripts load). */
export function GlossarySearch({ q }: { q: string }) {
  const t = useTranslations("glossary.search");
  return (
    <form role="search" aria-label={t("label")} className="flex gap-2" method="get">
      <label htmlFor="glossary-q" className="sr-only">
        {t("label")}
      </label>
      <input id="glossary-q" name="q" type="search" defaultValue={q} placeholder={t("placeholder")} maxLength={120} className={`${CONTROL} w-48 min-w-0`} />
      <button type="submit" className="shrink-0 whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium text-brand-700 ring-1 ring-stone-300 hover:bg-stone-50">
        {t("submit")}
      </button>
    </form>
  );
}
