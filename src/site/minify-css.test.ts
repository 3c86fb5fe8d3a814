import { describe, expect, it } from 'vitest'
import { minifyCss } from './minify-css.ts'

describe('minifyCss', () => {
  it('drops comments and layout whitespace and keeps every rule', async () => {
    const css = `/* A suppressed cell */
.secret {
  color: #5b4a00;
  background-image: repeating-linear-gradient(135deg, rgba(91, 74, 0, 0.16) 0, transparent 7px);
}

td.num,
th.num {
  text-align: right;
}
`
    expect(await minifyCss(css)).toBe(
      '.secret{color:#5b4a00;background-image:repeating-linear-gradient(135deg,rgba(91,74,0,.16) 0,transparent 7px)}td.num,th.num{text-align:right}\n',
    )
  })
})
