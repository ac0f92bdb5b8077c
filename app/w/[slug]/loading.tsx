import { LoadingSkeleton } from "@/components/layout/loading-skeleton";

/** Shown at once while a workspace page (articles, claims, dashboard, export, members, settings) loads. */
export default function WorkspacePageLoading() {
  return <LoadingSkeleton shape="list" />;
}
