import { getConnInfo } from '@hono/node-server/conninfo'
import { type Context, Hono } from 'hono'
import { getCookie } from 'hono/cookie'
import type { Kysely } from 'kysely'
import { beginAttempt, signInKeys } from '../../access/rate-limit.ts'
import { createSession, purgeSessions } from '../../access/sessions.repository.ts'
import { authenticate } from '../../access/users.repository.ts'
import type { Database } from '../../db/database.ts'
import { clientAddress } from '../client-address.ts'
import { signInPage } from './pages/sign-in.ts'
import {
  type AreaEnv,
  SIGN_IN_COOKIE,
  sameOrigin,
  sameToken,
  setSessionCookie,
  signInToken,
} from './session.ts'

/** Says when to try again after too many failed attempts, and sets Retry-After to it. */
export function tooManyAttempts(c: Context, wait: number): string {
  c.header('Retry-After', String(wait))
  return `Trop de tentatives : réessayez dans ${Math.ceil(wait / 60)} minute(s).`
}

/** The client's address, from the socket or, behind `trustProxy` proxies, X-Forwarded-For. */
export function requestAddress(c: Context, trustProxy: number): string {
  return clientAddress(socketAddress(c), c.req.header('x-forwarded-for'), trustProxy)
}

function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address
  } catch {
    return undefined
  }
}

/**
 * `GET|POST /connexion`: sign-in with e-mail and password, rate-limited per account and per client
 * address (taken from X-Forwarded-For behind `trustProxy` reverse proxies, see clientAddress).
 */
export function signInRoutes(db: Kysely<Database>, trustProxy = 0) {
  const route = new Hono<AreaEnv>()
  route.get('/connexion', (c) => {
    c.header('cache-control', 'no-store')
    const message = c.req.query('sortie')
      ? { kind: 'info' as const, text: 'Vous êtes déconnecté.' }
      : c.req.query('motdepasse')
        ? { kind: 'info' as const, text: 'Mot de passe changé : connectez-vous avec le nouveau.' }
        : undefined
    return c.html(signInPage(signInToken(c), message))
  })
  route.post('/connexion', async (c) => {
    c.header('cache-control', 'no-store')
    const form = await c.req.parseBody()
    const text = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : '')
    if (!sameOrigin(c) || !sameToken(text('csrf'), getCookie(c, SIGN_IN_COOKIE)))
      return c.html(
        signInPage(signInToken(c), { kind: 'erreur', text: 'Le formulaire a expiré : recommencez.' }),
        403,
      )
    const email = text('email').slice(0, 200)
    const address = requestAddress(c, trustProxy)
    const keys = signInKeys(email, address)
    const attempt = await beginAttempt(db, keys)
    if (attempt.wait > 0)
      return c.html(
        signInPage(signInToken(c), { kind: 'erreur', text: tooManyAttempts(c, attempt.wait) }),
        429,
      )
    const user = await authenticate(db, email, text('password'))
    if (!user) {
      return c.html(
        signInPage(signInToken(c), { kind: 'erreur', text: 'Adresse ou mot de passe incorrect.' }),
        401,
      )
    }
    await attempt.succeeded()
    await purgeSessions(db)
    const session = await createSession(db, user.id)
    setSessionCookie(c, session.id)
    return c.redirect('/espace-partenaire/recherche', 303)
  })
  return route
}
