import { z } from 'zod'

const FORMATS = [z.cidrv4(), z.cidrv6(), z.ipv4(), z.ipv6()]
const CATCH_ALL = /\/0+$/

/**
 * A list of single addresses or CIDR networks, IPv4 or IPv6, for `server.trusted_proxies` and
 * `security.rate_limiting.ip_whitelist`. An IPv4 entry also matches the IPv4-mapped IPv6 form of
 * its addresses. A `/0` network is refused: it would hand the setting to every address on the
 * internet.
 */
export const IpRangeListSchema = z
  .array(
    z
      .string()
      .refine((entry) => FORMATS.some((format) => format.safeParse(entry).success), {
        error: 'must be an IPv4 or IPv6 address or CIDR network, e.g. 10.0.0.0/8 or 2001:db8::/32',
      })
      .refine((entry) => !CATCH_ALL.test(entry), {
        error: 'a /0 network matches every address; list the networks you mean',
      }),
  )
  .max(1000)
  .default([])
