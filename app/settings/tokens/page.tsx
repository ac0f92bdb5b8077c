import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { TokenManager } from "@/components/settings/token-manager";
import { listApiTokens } from "@/lib/api-v1/tokens";
import { requireUser } from "@/lib/auth/session";
import { listWorkspaces } from "@/lib/workspaces/list-workspaces";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.tokens"))("metaTitle") };
}

export default async function TokensPage() {
  const user = await requireUser("/settings/tokens");
  const [tokens, workspaces, t] = await Promise.all([listApiTokens(user.id), listWorkspaces(user.id), getTranslations("settings.tokens")]);
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-1 max-w-2xl text-sm text-stone-600">
        {t.rich("intro", {
          link: (chunks) => (
            <Link href="/api/docs" className="text-brand-700 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <TokenManager tokens={tokens} workspaces={workspaces.map((w) => ({ slug: w.slug, name: w.name }))} />
    </div>
  );
}
