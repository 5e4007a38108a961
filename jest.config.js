/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', diagnostics: false }],
  },
  // d3-dsv ships ES modules only; jest's CommonJS runtime loads its UMD build (the same code).
  moduleNameMapper: { '^d3-dsv$': '<rootDir>/node_modules/d3-dsv/dist/d3-dsv.js' },
  globalSetup: '<rootDir>/test/globalSetup.js',
  testTimeout: 30000,
};
