/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type checking is `tsc --noEmit`'s job (npm run lint/build); jest only transpiles.
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleNameMapper: {
    '^@coupole/shared$': '<rootDir>/../shared/src/index.ts',
  },
};
