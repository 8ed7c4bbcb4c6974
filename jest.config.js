/** Jest: TypeScript through ts-jest's transform with an inline CommonJS override (no preset); the other options come from tsconfig.json (tsconfig.base.json). */
// Coverage: `npm test` passes --coverage (so does CI, through it); a single `npx jest <file>` does not,
// since the src/core floor only holds over the whole suite.

module.exports = {
  testEnvironment: 'node',
  // src/ is a root too so that coverage counts the files no test loads (jest reports only files it has crawled).
  roots: ['<rootDir>/tests', '<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', isolatedModules: true }, diagnostics: false }],
  },
  testTimeout: 60000,
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.d.ts'],
  // istanbul's statements (babel), not V8's lines; and V8's block counting would also slow every vm-loaded bundle.
  coverageProvider: 'babel',
  coverageDirectory: '<rootDir>/out/coverage',
  // The totals in the output; per file in out/coverage/coverage-summary.json (.ci/run prints src/core's from it).
  coverageReporters: ['text-summary', 'json-summary'],
  // The Apps Script host runs as the built bundle in a vm, so only the core has a floor (src/core: 93.6% when it was set).
  coverageThreshold: { './src/core/': { statements: 90 } },
};
