// Jest transformer: TypeScript/TSX to CommonJS with esbuild, the same
// compiler that bundles the webapp. (The registry mirror here lacks some
// platform builds of @swc/core, which breaks `npm ci`; esbuild's are complete.)
// No jest.mock hoisting: Baton's tests use real implementations, not module mocks.
const {createHash} = require('node:crypto');
const {transformSync, version} = require('esbuild');

const options = (filename) => ({
  loader: filename.endsWith('.tsx') ? 'tsx' : 'ts',
  format: 'cjs',
  target: 'node20',
  sourcefile: filename,
  sourcemap: 'inline',
  // Classic runtime: the Mattermost host provides React as a global and 11.x
  // has no ReactJSXRuntime (see ../shared/MATTERMOST.md).
  jsx: 'transform',
  jsxFactory: 'React.createElement',
  jsxFragment: 'React.Fragment',
});

module.exports = {
  process(source, filename) {
    return {code: transformSync(source, options(filename)).code};
  },
  getCacheKey(source, filename) {
    return createHash('sha256').update(version).update(filename).update('\0').update(source).digest('hex');
  },
};
