// ESLint for every workspace. `make check` runs it with `tsc --noEmit`.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Domain code holds the rules of Baton; it must not know how requests arrive
// (HTTP) or how Mattermost is reached, so it stays testable and portable.
const httpMessage = 'Domain code must not depend on HTTP; take what it needs as plain data or an injected port.';
export const domainImportRestrictions = {
  // Node's HTTP modules by exact name: as gitignore-style patterns they would
  // also match our own ../http folder and report it twice.
  paths: ['http', 'node:http', 'https', 'node:https', 'http2', 'node:http2', 'undici', 'fastify'].map((name) => ({name, message: httpMessage})),
  patterns: [
    {group: ['fastify/*', '@fastify/*'], message: httpMessage},
    {group: ['@mattermost/*', 'mattermost-redux', 'mattermost-redux/*'],
      message: 'Domain code must not depend on Mattermost types or clients; use a port defined in domain/.'},
    {group: ['**/http', '**/http/**', '**/mattermost', '**/mattermost/**', '**/storage', '**/storage/**'],
      message: 'Domain code must not import the HTTP, Mattermost or storage adapters; they depend on the domain, not the reverse.'},
  ],
};

export default tseslint.config(
  {ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'coverage/**', 'webapp/src/manifest.ts']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {globals: {...globals.node}},
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    files: ['server-bridge/src/**/*.ts'],
    languageOptions: {parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname}},
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['server-bridge/src/domain/**/*.ts'],
    rules: {'no-restricted-imports': ['error', domainImportRestrictions]},
  },
  {
    files: ['webapp/src/**/*.{ts,tsx}'],
    languageOptions: {globals: {...globals.browser}},
  },
  {
    // Command-line tools and build scripts talk to the terminal on purpose.
    files: ['build/**/*.ts', 'server-bridge/src/cli.ts', '**/*.js', '**/*.mjs'],
    rules: {'no-console': 'off'},
  },
  {
    files: ['**/*.js'],
    languageOptions: {sourceType: 'commonjs'},
    rules: {'@typescript-eslint/no-require-imports': 'off'},
  },
);
