import { describe, expect, it } from 'vitest'
import { tokenActor } from './actor.ts'

describe('tokenActor', () => {
  it('names the partner and the token id, so that two tokens of one partner are two actors', () => {
    expect([tokenActor('CDC', 1), tokenActor('CDC', 12)]).toEqual(['token:CDC#1', 'token:CDC#12'])
  })
})
