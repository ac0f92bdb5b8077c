import type { Metadata } from "next";
import Link from "next/link";
import { TokenManager } from "@/components/settings/token-manager";
import { listApiTokens } from "@/lib/api-v1/tokens";
import { requireUser } from "@/lib/auth/session";
import { listWorkspaces } from "@/lib/workspaces/list-workspaces";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const user = await requireUser("/settings/tokens");
  const [tokens, workspaces] = await Promise.all([listApiTokens(user.id), listWorkspaces(user.id)]);
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">API tokens</h1>
      <p className="mt-1 max-w-2xl text-sm text-stone-600">
        Personal tokens let scripts and other tools use the <Link href="/api/docs" className="text-brand-700 underline">REST API</Link> as you. Each token works in one
        workspace and acts with your role there at the time of each request: if your role changes or you leave, the token follows.
      </p>
      <TokenManager tokens={tokens} workspaces={workspaces.map((w) => ({ slug: w.slug, name: w.name }))} />
    </div>
  );
}
