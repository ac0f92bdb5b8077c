import { exportEndpoint } from "@/lib/api-v1/endpoints/export";
import { methods } from "@/lib/http/pipeline";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: exportEndpoint });
