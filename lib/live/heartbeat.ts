/** Pages send a presence heartbeat this often; a row not refreshed for PRESENCE_TTL_MS is nobody. Client-safe. */
export const HEARTBEAT_MS = 5_000;
export const PRESENCE_TTL_MS = 3 * HEARTBEAT_MS;
