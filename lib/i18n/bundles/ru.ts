/** Every message of "ru" in one module, one chunk for the browser (lib/i18n/client-messages.ts); client-messages.test.ts keeps it equal to loadMessages. */
import type { AbstractIntlMessages } from "next-intl";
import commonMessages from "../../../messages/ru/common.json";
import layoutMessages from "../../../messages/ru/layout.json";
import authMessages from "../../../messages/ru/auth.json";
import settingsMessages from "../../../messages/ru/settings.json";
import mailMessages from "../../../messages/ru/mail.json";
import errorsMessages from "../../../messages/ru/errors.json";
import pagesMessages from "../../../messages/ru/pages.json";
import claimsMessages from "../../../messages/ru/claims.json";
import readerMessages from "../../../messages/ru/reader.json";
import articlesMessages from "../../../messages/ru/articles.json";
import workspacesMessages from "../../../messages/ru/workspaces.json";
import exportMessages from "../../../messages/ru/export.json";
import auditMessages from "../../../messages/ru/audit.json";
import webhooksMessages from "../../../messages/ru/webhooks.json";
import notificationsMessages from "../../../messages/ru/notifications.json";
import liveMessages from "../../../messages/ru/live.json";
import uiMessages from "../../../messages/ru/ui.json";
import glossaryMessages from "../../../messages/ru/glossary.json";
import workspaceSettingsMessages from "../../../messages/ru/workspaceSettings.json";

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
