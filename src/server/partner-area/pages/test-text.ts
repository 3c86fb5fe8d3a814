import type { Html } from '../layout.ts'

/** A page's `main` as a reader sees it: tags dropped, entities decoded, one line per block. */
export async function mainText(page: Html): Promise<string[]> {
  const markup = String(await page)
  const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(markup)?.[1] ?? ''
  return main
    .replace(/<\/(td|th)>/g, ' | ')
    .replace(/<(br|\/p|\/li|\/tr|\/h[1-6]|\/caption|\/summary|\/ul)[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').replace(/ \| $/, '').trim())
    .filter((l) => l !== '')
}
