/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testRegex: '.*\\.(spec|int-spec)\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleNameMapper: { '^@coupole/shared$': '<rootDir>/../shared/src' },
  // Migrates one embedded database per run, which integration specs load (src/test/pglite-template.ts).
  globalSetup: '<rootDir>/src/test/global-setup.ts',
  globalTeardown: '<rootDir>/src/test/global-teardown.ts',
  // An app boot (migrations, seed) takes seconds, far more on a loaded machine: room for both.
  testTimeout: 120_000,
  // A handle left open by one spec (a socket, a worker thread) must not keep CI waiting until its
  // deadline once every result is in: the run ends when the last spec does.
  forceExit: true,
};
