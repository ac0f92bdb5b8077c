/** Every message of "uk" in one module, one chunk for the browser (lib/i18n/client-messages.ts); client-messages.test.ts keeps it equal to loadMessages. */
import type { AbstractIntlMessages } from "next-intl";
import commonMessages from "../../../messages/uk/common.json";
import layoutMessages from "../../../messages/uk/layout.json";
import authMessages from "../../../messages/uk/auth.json";
import settingsMessages from "../../../messages/uk/settings.json";
import mailMessages from "../../../messages/uk/mail.json";
import errorsMessages from "../../../messages/uk/errors.json";
import pagesMessages from "../../../messages/uk/pages.json";
import claimsMessages from "../../../messages/uk/claims.json";
import readerMessages from "../../../messages/uk/reader.json";
import articlesMessages from "../../../messages/uk/articles.json";
import workspacesMessages from "../../../messages/uk/workspaces.json";
import exportMessages from "../../../messages/uk/export.json";
import auditMessages from "../../../messages/uk/audit.json";
import webhooksMessages from "../../../messages/uk/webhooks.json";
import notificationsMessages from "../../../messages/uk/notifications.json";
import liveMessages from "../../../messages/uk/live.json";
import uiMessages from "../../../messages/uk/ui.json";
import glossaryMessages from "../../../messages/uk/glossary.json";
import workspaceSettingsMessages from "../../../messages/uk/workspaceSettings.json";

const messages: AbstractIntlMessages = {
  common: commonMessages,
  layout: layoutMessages,
  auth: authMessages,
  settings: settingsMessages,
  mail: mailMessages,
  errors: errorsMessages,
  pages: pagesMessages,
  claims: claimsMessages,
  reader: readerMessages,
  articles: articlesMessages,
  workspaces: workspacesMessages,
  export: exportMessages,
  audit: auditMessages,
  webhooks: webhooksMessages,
  notifications: notificationsMessages,
  live: liveMessages,
  ui: uiMessages,
  glossary: glossaryMessages,
  workspaceSettings: workspaceSettingsMessages,
};
export default messages;
