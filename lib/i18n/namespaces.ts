/**
 * The message namespaces: one file per locale each, messages/<locale>/<namespace>.json, merged by
 * lib/i18n/messages.ts into `{ [namespace]: {...} }`. One file per owner, so parallel work never
 * edits the same file. A new namespace is a new file in every locale plus its name here
 * (messages.test.ts fails when the folder and this list disagree).
 */
export const NAMESPACES = [
  "common",
  "layout",
  "auth",
  "settings",
  "mail",
  "errors",
  "pages",
  "claims",
  "reader",
  "articles",
  "workspaces",
  "export",
  "audit",
  "webhooks",
  "notifications",
  "live",
  "ui",
  "glossary",
  "workspaceSettings",
] as const;

export type Namespace = (typeof NAMESPACES)[number];
