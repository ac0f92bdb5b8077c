import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button-class";

export default async function Forbidden() {
  const t = await getTranslations("pages.forbidden");
  return (
    <div className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-brand-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-3 text-stone-600">{t("body")}</p>
      <Link href="/" className={buttonClass("secondary", "mt-8")}>
        {t("home")}
      </Link>
    </div>
  );
}
