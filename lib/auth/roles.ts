/** Role names and wording, free of server code so client components can use them. */
export const ROLES = ["admin", "reviewer", "annotator", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  reviewer: "Reviewer",
  annotator: "Annotator",
  viewer: "Viewer",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "Manages members and everything else",
  reviewer: "Approves claims and verdicts",
  annotator: "Adds articles, highlights and claims",
  viewer: "Reads only",
};
