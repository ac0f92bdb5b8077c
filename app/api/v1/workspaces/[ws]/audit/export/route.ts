import { exportAuditEndpoint } from "@/lib/api-v1/endpoints/audit";
import { methods } from "@/lib/http/pipeline";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: exportAuditEndpoint });
