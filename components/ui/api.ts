import type { CodeParams, FieldCodes } from "@/lib/http/error-codes";

/** Client-side calls to our JSON API; problem+json errors come back as a message plus field messages. */
export interface ApiError {
  message: string;
  fields: Record<string, string>;
  status: number;
  /** Machine codes for the message and each field (lib/http/error-codes.ts): what components/ui/api-errors.ts translates. */
  code?: string;
  /** The values the code names (problem+json `codeParams`). */
  codeParams?: CodeParams;
  fieldCodes?: FieldCodes;
  /** The whole problem+json body, for members beyond the standard ones (e.g. a conflict's changes). */
  body: Record<string, unknown>;
}

export async function apiSend<T>(method: string, url: string, body?: unknown): Promise<{ ok: true; data: T } | { ok: false; error: ApiError }> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, error: { message: "Can't reach the server. Check your connection and try again.", fields: {}, status: 0, body: {}, code: "network" } };
  }
  if (res.ok) return { ok: true, data: (res.status === 204 ? undefined : await res.json()) as T };
  const problem = (await res.json().catch(() => ({}))) as { detail?: string; errors?: Record<string, string>; code?: string; fieldCodes?: FieldCodes } & Record<string, unknown>;
  return {
    ok: false,
    error: {
      message: problem.detail ?? `Request failed (${res.status}).`,
      fields: problem.errors ?? {},
      status: res.status,
      body: problem,
      code: typeof problem.code === "string" ? problem.code : undefined,
      codeParams: isParams(problem.codeParams) ? problem.codeParams : undefined,
      fieldCodes: problem.fieldCodes,
    },
  };
}

const isParams = (v: unknown): v is CodeParams => !!v && typeof v === "object" && !Array.isArray(v);
