import { type Context, Hono } from 'hono'
import { MIN_DISTINCT_CHARACTERS, MIN_PASSWORD_LENGTH, variedEnough } from '../../access/password.ts'
import { beginAttempt, signInKeys } from '../../access/rate-limit.ts'
import { authenticate, resetPassword } from '../../access/users.repository.ts'
import type { AccessDeps } from '../routes/access-deps.ts'
import type { FormPages } from './form-pages.ts'
import { passwordPage } from './pages/password.ts'
import { type AreaEnv, clearSessionCookie } from './session.ts'
import { requestAddress, tooManyAttempts } from './sign-in.ts'

type SessionInfo = Parameters<typeof passwordPage>[0]

/**
 * `GET|POST /mot-de-passe`: the signed-in user changes its password. Guessing the current one from
 * a session counts as failed sign-ins of the account; a change ends every session of the account.
 * The page is declared in `forms`, so that a refused form links back to it.
 */
export function passwordRoutes(
  deps: AccessDeps,
  info: (c: Context<AreaEnv>) => SessionInfo,
  forms: FormPages,
) {
  const route = new Hono<AreaEnv>()
  const required = (c: Context<AreaEnv>) => c.get('session').user.mustChangePassword
  const path = forms.declare('/mot-de-passe', 'Revenir au changement de mot de passe')
  route.get(path, (c) => c.html(passwordPage(info(c), [], required(c))))
  route.post(path, async (c) => {
    const form = await c.req.parseBody()
    const text = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : '')
    const { user } = c.get('session')
    const keys = signInKeys(user.email, requestAddress(c, deps.trustProxy ?? 0))
    const attempt = await beginAttempt(deps.db, keys)
    if (attempt.wait > 0)
      return c.html(passwordPage(info(c), [tooManyAttempts(c, attempt.wait)], required(c)), 429)
    if (!(await authenticate(deps.db, user.email, text('actuel')))) {
      return c.html(passwordPage(info(c), ['Le mot de passe actuel est incorrect.'], required(c)), 400)
    }
    await attempt.succeeded()
    const next = text('nouveau')
    const errors = [
      ...(next.length < MIN_PASSWORD_LENGTH
        ? [`Le nouveau mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères.`]
        : []),
      ...(next.length >= MIN_PASSWORD_LENGTH && !variedEnough(next)
        ? [
            `Le nouveau mot de passe doit compter au moins ${MIN_DISTINCT_CHARACTERS} caractères différents, espaces non compris.`,
          ]
        : []),
      ...(next === text('actuel') ? ['Le nouveau mot de passe doit différer de l’actuel.'] : []),
      ...(next !== text('confirmation') ? ['Les deux saisies du nouveau mot de passe diffèrent.'] : []),
    ]
    if (errors.length > 0) return c.html(passwordPage(info(c), errors, required(c)), 400)
    // The user's own choice: no change asked any more.
    await resetPassword(deps.db, user.email, next)
    clearSessionCookie(c)
    return c.redirect('/espace-partenaire/connexion?motdepasse=1', 303)
  })
  return route
}
