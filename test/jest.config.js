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
};
