// One jest run for every workspace; each project keeps its own environment.
const path = require('node:path');

const transform = {'^.+\\.tsx?$': path.join(__dirname, 'build/jest/esbuildTransform.js')};

/** @type {import('jest').Config} */
module.exports = {
  // Opening a fresh embedded database takes ~5 s on a 2-core machine.
  testTimeout: 60_000,
  projects: [
    {
      displayName: 'server-bridge',
      rootDir: '<rootDir>/server-bridge',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/**/*.test.ts'],
      globalSetup: '<rootDir>/src/testing/postgresGlobalSetup.ts',
      transform,
    },
    {
      displayName: 'webapp',
      rootDir: '<rootDir>/webapp',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
      transform,
    },
    {
      displayName: 'mattermost-sim',
      rootDir: '<rootDir>/build/mattermost-sim',
      testEnvironment: 'node',
      // Harness tests that need a DOM say so with a @jest-environment docblock.
      testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/harness/**/*.test.{ts,tsx}'],
      transform,
    },
    {
      displayName: 'build',
      rootDir: '<rootDir>/build',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/mattermost-sim/', '<rootDir>/e2e/'],
      transform,
    },
    {
      // A real headless Chromium against the sandbox (build/e2e/browser.ts).
      displayName: 'e2e',
      rootDir: '<rootDir>/build/e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/**/*.e2e.test.ts'],
      transform,
    },
  ],
};
