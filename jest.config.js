// One jest run for every workspace; each project keeps its own environment.
const swc = (jsx) => [
  '@swc/jest',
  {
    jsc: {
      parser: {syntax: 'typescript', tsx: jsx},
      target: 'es2022',
      // Classic runtime: the Mattermost host provides React as a global and
      // 11.x has no ReactJSXRuntime (see ../shared/MATTERMOST.md).
      transform: jsx ? {react: {runtime: 'classic'}} : undefined,
    },
    module: {type: 'commonjs'},
  },
];

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
      transform: {'^.+\\.ts$': swc(false)},
    },
    {
      displayName: 'webapp',
      rootDir: '<rootDir>/webapp',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
      transform: {'^.+\\.tsx?$': swc(true)},
    },
    {
      displayName: 'build',
      rootDir: '<rootDir>/build',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/**/*.test.ts'],
      transform: {'^.+\\.ts$': swc(false)},
    },
  ],
};
