import { unreadNotificationsEndpoint } from "@/lib/api-v1/endpoints/notifications";
import { methods } from "@/lib/http/pipeline";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: unreadNotificationsEndpoint });
