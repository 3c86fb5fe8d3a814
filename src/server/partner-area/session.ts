import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Kysely } from 'kysely'
import { readSession, type Session } from '../../access/sessions.repository.ts'
import type { Database } from '../../db/database.ts'

export const SESSION_COOKIE = 'passerelle_session'
/** Double-submit token of the sign-in form, which has no session yet. */
export const SIGN_IN_COOKIE = 'passerelle_connexion'

/** Variables of the partner area's requests. */
export interface AreaEnv {
  /** behindProxy: PASSERELLE_TRUST_PROXY is set, so X-Forwarded-* headers come from our proxies. */
  Variables: { session: Session; sessionId: string; behindProxy: boolean }
}

/** Tells the area's handlers whether X-Forwarded-* headers may be believed (see AreaEnv). */
export function proxyTrust(trustProxy: number): MiddlewareHandler<AreaEnv> {
  return async (c, next) => {
    c.set('behindProxy', trustProxy > 0)
    await next()
  }
}

// A client can write any X-Forwarded-* header: only trusted proxies' are read.
function forwarded(c: Context, name: string): string | undefined {
  return c.get('behindProxy') === true ? c.req.header(name) : undefined
}

/** True when the request came over TLS (directly, or through a trusted proxy that says so). */
export function overTls(c: Context): boolean {
  return forwarded(c, 'x-forwarded-proto') === 'https' || new URL(c.req.url).protocol === 'https:'
}

/** Cookie options: HttpOnly, SameSite=Strict, Path=/, Secure over TLS. */
export function cookieOptions(c: Context) {
  return { httpOnly: true, sameSite: 'Strict', path: '/', secure: overTls(c) } as const
}

/** Sets the session cookie. */
export function setSessionCookie(c: Context, id: string): void {
  setCookie(c, SESSION_COOKIE, id, cookieOptions(c))
}

/** Removes the session cookie. */
export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, cookieOptions(c))
}

/** A fresh token for the sign-in form, also set as a cookie (double submit). */
export function signInToken(c: Context): string {
  const token = randomBytes(24).toString('base64url')
  setCookie(c, SIGN_IN_COOKIE, token, cookieOptions(c))
  return token
}

/** Constant-time equality of two tokens (false when either is missing). */
export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * A POST from another site is refused: when the browser sends an Origin (every current browser
 * does on a form POST), it must be this hub's.
 */
export function sameOrigin(c: Context): boolean {
  const origin = c.req.header('origin')
  if (origin === undefined) return true
  const host = forwarded(c, 'x-forwarded-host') ?? c.req.header('host')
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}

/** What a user whose password the operator chose may reach before changing it. */
const OPEN_TO_PASSWORD_TO_CHANGE = new Set([
  '/espace-partenaire/mot-de-passe',
  '/espace-partenaire/deconnexion',
])

/**
 * Requires a live session; otherwise redirects to the sign-in page (303). A user whose password
 * the operator chose is sent to the password page until they change it.
 */
export function requireSession(db: Kysely<Database>): MiddlewareHandler<AreaEnv> {
  return async (c, next) => {
    const id = getCookie(c, SESSION_COOKIE)
    const session = id ? await readSession(db, id) : undefined
    if (!id || !session) {
      if (id) clearSessionCookie(c)
      return c.redirect('/espace-partenaire/connexion', 303)
    }
    c.set('session', session)
    c.set('sessionId', id)
    c.header('cache-control', 'no-store')
    // A password the operator chose is replaced before anything else: the operator knows it.
    if (session.user.mustChangePassword && !OPEN_TO_PASSWORD_TO_CHANGE.has(c.req.path))
      return c.redirect('/espace-partenaire/mot-de-passe', 303)
    await next()
    return undefined
  }
}
