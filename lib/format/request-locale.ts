import { headers } from "next/headers";
import { negotiateLocale } from "./dates";

/** The locale of the request being rendered (its Accept-Language), for server-rendered dates. */
export async function requestLocale(): Promise<string> {
  return negotiateLocale((await headers()).get("accept-language"));
}
