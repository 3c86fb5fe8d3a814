/** Where the partner area is mounted: every address of its pages starts so. */
const AREA = '/espace-partenaire'

/**
 * The area's pages that hold a form posting to their own address, as their routes declare them
 * (`declare` gives the route its path), so that the CSRF check links a refused form back to its
 * page without a list of its own to keep in step with the routes.
 */
export interface FormPages {
  /** Declares the page at `path` (under the area) as holding a form; `back` is the link back to it. */
  declare(path: string, back: string): string
  /** The link back to a fresh form for a POST refused at `path` (full, as the request has it). */
  backTo(path: string): { readonly href: string; readonly label: string }
}

/**
 * An empty declaration of form pages, for one area. A POST to an address no route declared (the
 * sign-out every page's header posts, any other) is led back to the area's home: the address it
 * was sent to is never echoed.
 * @example const forms = formPages(); forms.declare('/recherche', 'Revenir à la recherche') // '/recherche'
 */
export function formPages(): FormPages {
  const pages = new Map<string, string>()
  return {
    declare(path, back) {
      pages.set(`${AREA}${path}`, back)
      return path
    },
    backTo(path) {
      const page = path.replace(/\/+$/, '')
      const label = pages.get(page)
      return label ? { href: page, label } : { href: `${AREA}/`, label: 'Retour à l’espace partenaire' }
    },
  }
}
