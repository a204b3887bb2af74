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
      testMatch: ['<rootDir>/src/**/*.test.ts'],
      transform,
    },
    {
      displayName: 'build',
      rootDir: '<rootDir>/build',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/mattermost-sim/'],
      transform,
    },
  ],
};
