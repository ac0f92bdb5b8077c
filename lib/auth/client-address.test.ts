import { describe, expect, it } from "vitest";
import { UNKNOWN_ADDRESS, clientAddress, normaliseAddress, trustedProxyHops } from "./client-address";

const xff = (value: string) => ({ "x-forwarded-for": value });

describe("client address for throttling", () => {
  it("without TRUST_PROXY: the last X-Forwarded-For entry (the connection, as Next.js records it)", () => {
    expect(clientAddress(xff("198.51.100.7"), 0)).toBe("198.51.100.7");
    // Entries a client wrote itself, in front, are ignored.
    expect(clientAddress(xff("1.1.1.1, 2.2.2.2, 198.51.100.7"), 0)).toBe("198.51.100.7");
    expect(clientAddress(new Headers(xff("::ffff:198.51.100.7")), 0)).toBe("198.51.100.7");
  });

  it("without TRUST_PROXY, under npm start: the connection's own address (X-Claimtrail-Peer), whatever X-Forwarded-For the client wrote", () => {
    const spoofed = { "x-forwarded-for": "203.0.113.9", "x-claimtrail-peer": "::ffff:198.51.100.7" };
    expect(clientAddress(spoofed, 0)).toBe("198.51.100.7");
    expect(clientAddress(new Headers(spoofed), 0)).toBe("198.51.100.7");
    // Behind trusted proxies the peer is the nearest proxy: X-Forwarded-For decides.
    expect(clientAddress({ "x-forwarded-for": "203.0.113.5", "x-claimtrail-peer": "10.0.0.2" }, 1)).toBe("203.0.113.5");
  });

  it("TRUST_PROXY=N: the N-th entry from the end (what the outermost trusted proxy saw)", () => {
    expect(clientAddress(xff("6.6.6.6, 203.0.113.5, 10.0.0.2"), 2)).toBe("203.0.113.5");
    expect(clientAddress(xff("203.0.113.5"), 1)).toBe("203.0.113.5");
    // Fewer entries than proxies: the request didn't come through them all.
    expect(clientAddress(xff("203.0.113.5"), 2)).toBe(UNKNOWN_ADDRESS);
  });

  it("no header, or junk: 'unknown'", () => {
    expect(clientAddress(undefined, 0)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress({}, 0)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(xff("not-an-ip"), 0)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(xff(""), 0)).toBe(UNKNOWN_ADDRESS);
  });

  it("IPv6 counts by /64; ports and brackets are dropped", () => {
    expect(normaliseAddress("2001:db8:aa:bb::1")).toBe("2001:db8:aa:bb::/64");
    expect(normaliseAddress("2001:DB8:AA:BB:1:2:3:4")).toBe("2001:db8:aa:bb::/64");
    expect(normaliseAddress("[2001:db8:aa:bb::9]:443")).toBe("2001:db8:aa:bb::/64");
    expect(normaliseAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(normaliseAddress("::1")).toBe("0:0:0:0::/64");
    expect(normaliseAddress("198.51.100.7:5123")).toBe("198.51.100.7");
    expect(normaliseAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });

  it("TRUST_PROXY is a number of proxies; anything else is a configuration error", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("")).toBe(0);
    expect(trustedProxyHops("1")).toBe(1);
    expect(trustedProxyHops("true")).toBe(1);
    expect(trustedProxyHops("2")).toBe(2);
    expect(() => trustedProxyHops("yes please")).toThrow(/TRUST_PROXY/);
    expect(() => trustedProxyHops("-1")).toThrow(/TRUST_PROXY/);
  });
});
