import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InvitePanel } from "@/components/workspaces/invite-panel";
import { MemberList } from "@/components/workspaces/member-list";
import { requirePageAccess } from "@/lib/auth/page-access";
import { listOpenInvites } from "@/lib/invites/list-invites";
import { listMembers } from "@/lib/members/list-members";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workspaces.members");
  return { title: t("title") };
}

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requirePageAccess(slug, "members.manage", `/w/${slug}/members`);
  const [members, invites, t] = await Promise.all([listMembers(access.workspace.id), listOpenInvites(access.workspace.id), getTranslations("workspaces.members")]);
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <MemberList
          slug={slug}
          currentUserId={access.userId}
          members={members.map((m) => ({ id: m.id, role: m.role, name: m.user.name, email: m.user.email, userId: m.user.id }))}
        />
      </section>
      <InvitePanel
        slug={slug}
        invites={invites.map((i) => ({ id: i.id, role: i.role, expiresAt: i.expiresAt.toISOString(), createdBy: i.createdBy.name }))}
      />
    </div>
  );
}
