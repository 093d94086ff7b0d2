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
  ],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.[tj]s$': ['@swc/jest'] },
  // jose ships ES modules only, which jest (before Node 24.9) cannot require: compile it too.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  testTimeout: 60000,
};
