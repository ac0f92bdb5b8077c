import { LoadingSkeleton } from "@/components/layout/loading-skeleton";

/** The reader (and its edit page) loading: the article's shape. */
export default function ArticleLoading() {
  return <LoadingSkeleton shape="article" />;
}
