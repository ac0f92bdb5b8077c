import { markAllNotificationsReadEndpoint } from "@/lib/api-v1/endpoints/notifications";
import { methods } from "@/lib/http/pipeline";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: markAllNotificationsReadEndpoint });
