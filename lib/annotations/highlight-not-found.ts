import { DomainError, said } from "@/lib/errors";

/** A highlight named by `annotationId` that isn't there (another workspace's, deleted, or no such id): 404, naming the field. */
export const highlightNotFound = () => new DomainError(404, "Highlight not found", { annotationId: said("not_found", "No live highlight with this id in this workspace.") });
