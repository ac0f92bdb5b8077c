import { exportEndpoint } from "@/lib/api-v1/endpoints/export";

export const GET = exportEndpoint;
