/** Jest runs the TypeScript sources as native ESM (our dependencies are ESM-only), via SWC. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  testTimeout: 60000,
  // Two workers even on two cores (jest's default is one fewer than the cores): half the suites
  // wait on spawned processes, pseudo-terminals and tmux, and the suite runs in 60% of the time.
  maxWorkers: 2,
};
