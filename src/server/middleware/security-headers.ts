import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

/**
 * Headers of every API answer: hono's secure headers (nosniff, no framing, same-origin resources)
 * and `Cache-Control: no-store`, since most answers hold nominative data that no browser or proxy
 * may keep. HSTS is left to the TLS terminator in front of the hub, which knows the domains.
 */
export function apiHeaders(): MiddlewareHandler {
  const secure = secureHeaders({ strictTransportSecurity: false })
  return async (c, next) => {
    await secure(c, next)
    c.header('Cache-Control', 'no-store')
  }
}

/**
 * Headers of the partner area's pages: a Content Security Policy that allows only the hub's own
 * style sheet and forms posting to the hub (the pages have no script), no framing (clickjacking of
 * the sign-in and password forms), and the referrer policy of the pages' meta tag: `no-referrer`,
 * hono's default, would make browsers send `Origin: null` on the area's own posts, which the CSRF
 * check refuses.
 */
export function areaHeaders(): MiddlewareHandler {
  return secureHeaders({
    strictTransportSecurity: false,
    referrerPolicy: 'same-origin',
    xFrameOptions: 'DENY',
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      scriptSrc: ["'none'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  })
}
