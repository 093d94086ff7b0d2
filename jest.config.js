/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/platform',
    '<rootDir>/subgraphs',
    '<rootDir>/gateway',
    '<rootDir>/demo',
    '<rootDir>/scripts',
    '<rootDir>/test',
    '<rootDir>/examples',
  ],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.[tj]s$': ['@swc/jest'] },
  // These ship ES modules only, which jest (before Node 24.9) cannot require: compile them too.
  // jose and oauth4webapi for identity; the rest for GraphQL Code Generator (examples/).
  transformIgnorePatterns: [
    '/node_modules/(?!(jose|oauth4webapi|auto-bind|change-case-all|change-case|sponge-case|swap-case)/)',
  ],
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  testTimeout: 60000,
};
