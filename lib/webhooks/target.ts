import { isIP } from "node:net";
import { hostAllowed, isPrivateAddress } from "@/lib/articles/import/fetch-url";
import { invalid, said } from "@/lib/errors";

/**
 * Where a webhook may point: https, no credentials in the address, and no
 * private, loopback or link-local address unless the workspace's admins put
 * the host on its allow-list (which also lets it use plain http, for a
 * receiver on the same machine or network). Host names are resolved and
 * checked again at every delivery (send.ts), so DNS can't swap one in later.
 */
export function checkWebhookUrl(raw: string, allowHosts: string[]): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid("The webhook address is not a web address.", { url: said("webhook_not_url", "Use a full https:// address.") });
  }
  const allowed = hostAllowed(url, allowHosts);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && allowed)) {
    throw invalid("Webhooks are sent over HTTPS only.", { url: said("webhook_https_only", "Use an https:// address (plain http only for a host on the allow-list).") });
  }
  if (url.username || url.password) throw invalid("Leave user names and passwords out of the address.", { url: said("webhook_credentials", "Remove the user name or password.") });
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && isPrivateAddress(host) && !allowed) {
    throw invalid("That is a private or local address.", {
      url: said("webhook_private", "Private, loopback and link-local addresses are refused unless an admin adds the host to the allow-list."),
    });
  }
  url.hash = "";
  return url.href;
}
