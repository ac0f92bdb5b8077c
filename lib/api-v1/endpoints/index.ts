import type { AnyEndpoint } from "../endpoint";
import * as annotations from "./annotations";
import { importAnnotationsEndpoint } from "./annotation-import";
import * as articles from "./articles";
import * as parts from "./claim-parts";
import { exportEndpoint } from "./export";
import * as claims from "./claims";
import * as changes from "./changes";
import { markAsClaimEndpoint } from "./mark-as-claim";
import { suggestClaimsByBodyEndpoint, suggestClaimsEndpoint } from "./suggestions";
import * as workspaces from "./workspaces";
import * as webhooks from "./webhooks";
import * as audit from "./audit";
import * as glossary from "./glossary";
import * as notifications from "./notifications";
import * as urlImport from "./url-import";

/** Every /api/v1 endpoint, in the order the reference lists them. */
export const ENDPOINTS: AnyEndpoint[] = [
  workspaces.listWorkspaces,
  workspaces.getWorkspace,
  workspaces.updateWorkspace,
  articles.listArticles,
  articles.createArticle,
  urlImport.previewUrlsEndpoint,
  urlImport.importUrlEndpoint,
  articles.getArticleEndpoint,
  articles.updateArticleEndpoint,
  claims.listClaimsEndpoint,
  claims.createClaimEndpoint,
  suggestClaimsEndpoint,
  suggestClaimsByBodyEndpoint,
  markAsClaimEndpoint,
  claims.getClaimEndpoint,
  claims.updateClaimEndpoint,
  claims.deleteClaimEndpoint,
  claims.restoreClaimEndpoint,
  claims.reviewClaimEndpoint,
  claims.setVerdictEndpoint,
  claims.mergeClaimEndpoint,
  annotations.listAnnotationsEndpoint,
  annotations.createAnnotationEndpoint,
  annotations.getAnnotationEndpoint,
  annotations.deleteAnnotationEndpoint,
  annotations.restoreAnnotationEndpoint,
  importAnnotationsEndpoint,
  parts.listMentions,
  parts.attachMentionEndpoint,
  parts.detachMentionEndpoint,
  parts.listSources,
  parts.addSourceEndpoint,
  parts.getSource,
  parts.editSourceEndpoint,
  parts.removeSourceEndpoint,
  parts.listRelations,
  parts.addRelationEndpoint,
  parts.removeRelationEndpoint,
  parts.listClaimHistoryEndpoint,
  parts.listEvents,
  exportEndpoint,
  changes.listChangesEndpoint,
  changes.streamChangesEndpoint,
  webhooks.listWebhooksEndpoint,
  webhooks.createWebhookEndpoint,
  webhooks.updateWebhookEndpoint,
  webhooks.rotateWebhookSecretEndpoint,
  webhooks.deleteWebhookEndpoint,
  webhooks.listDeliveriesEndpoint,
  webhooks.resendDeliveryEndpoint,
  glossary.listGlossaryEndpoint,
  glossary.createGlossaryPairEndpoint,
  glossary.updateGlossaryPairEndpoint,
  glossary.deleteGlossaryPairEndpoint,
  glossary.listGlossaryProposalsEndpoint,
  glossary.acceptGlossaryProposalEndpoint,
  glossary.rejectGlossaryProposalEndpoint,
  glossary.listAliasesEndpoint,
  glossary.confirmAliasEndpoint,
  glossary.deleteAliasEndpoint,
  audit.listAuditEndpoint,
  audit.exportAuditEndpoint,
  notifications.listNotificationsEndpoint,
  notifications.unreadNotificationsEndpoint,
  notifications.markNotificationReadEndpoint,
  notifications.markAllNotificationsReadEndpoint,
];
