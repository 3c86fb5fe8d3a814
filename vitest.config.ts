import { defineConfig } from 'vitest/config'

// Data tests (`*.db.test.ts`) run once per store: the embedded PGlite always, and the PostgreSQL
// server named by PASSERELLE_TEST_PG when it is set (.ci/run sets it). Each test file creates
// and drops its own database, so the two projects can run side by side.
const shared = {
  testTimeout: 120_000,
  hookTimeout: 180_000,
  env: { TZ: 'Europe/Paris' },
}
const pgUrl = process.env.PASSERELLE_TEST_PG

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'pglite',
          include: ['src/**/*.test.ts', 'site/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
          env: { ...shared.env, PASSERELLE_TEST_STORE: 'pglite' },
        },
      },
      ...(pgUrl
        ? [
            {
              test: {
                ...shared,
                name: 'pg',
                include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'],
                env: { ...shared.env, PASSERELLE_TEST_STORE: 'pg', PASSERELLE_TEST_PG: pgUrl },
              },
            },
          ]
        : []),
    ],
  },
})
