/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  testRegex: '\\.(e2e-)?spec\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/artifacts/'],
  transform: {
    // Type checking is tsc's job (npx tsc -p test); jest only transpiles.
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleNameMapper: {
    '^@coupole/shared$': '<rootDir>/../shared/src/index.ts',
  },
  // Real server processes and a real browser: generous, but bounded.
  testTimeout: 120_000,
  // A handle left open by one spec (a socket, a worker thread) must not keep CI waiting until its
  // deadline once every result is in: the run ends when the last spec does.
  forceExit: true,
};
