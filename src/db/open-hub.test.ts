import { describe, expect, it } from 'vitest'
import { CliError } from '../cli/io.ts'
import { openServerStore } from './connect.ts'
import { prepareStore } from './open-hub.ts'

describe('prepareStore', () => {
  it('says the store cannot be opened, and where, when no server answers (not that a migration failed)', async () => {
    // Port 1 on the loopback: nothing listens there, the connection is refused at once.
    const store = openServerStore('postgres://hub:secret@127.0.0.1:1/hub')
    try {
      await expect(prepareStore(store)).rejects.toThrow(
        new CliError(
          'cannot open the store (postgres://hub:***@127.0.0.1:1/hub): connect ECONNREFUSED 127.0.0.1:1',
        ),
      )
    } finally {
      await store.close()
    }
  })
})
