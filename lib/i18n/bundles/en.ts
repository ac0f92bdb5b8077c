/** Every message of "en" in one module, one chunk for the browser (lib/i18n/client-messages.ts); client-messages.test.ts keeps it equal to loadMessages. */
import type { AbstractIntlMessages } from "next-intl";
import commonMessages from "../../../messages/en/common.json";
import layoutMessages from "../../../messages/en/layout.json";
import authMessages from "../../../messages/en/auth.json";
import settingsMessages from "../../../messages/en/settings.json";
import mailMessages from "../../../messages/en/mail.json";
import errorsMessages from "../../../messages/en/errors.json";
import pagesMessages from "../../../messages/en/pages.json";
import claimsMessages from "../../../messages/en/claims.json";
import readerMessages from "../../../messages/en/reader.json";
import articlesMessages from "../../../messages/en/articles.json";
import workspacesMessages from "../../../messages/en/workspaces.json";
import exportMessages from "../../../messages/en/export.json";
import auditMessages from "../../../messages/en/audit.json";
import webhooksMessages from "../../../messages/en/webhooks.json";
import notificationsMessages from "../../../messages/en/notifications.json";
import liveMessages from "../../../messages/en/live.json";
import uiMessages from "../../../messages/en/ui.json";
import glossaryMessages from "../../../messages/en/glossary.json";
import workspaceSettingsMessages from "../../../messages/en/workspaceSettings.json";

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
