// The Mattermost webapp exposes its own copies of shared libraries on
// `window` (plugins/export.ts). A plugin must use those, not bundle its own:
// two Reacts break hooks and context, and a second react-redux cannot see the
// host store. This esbuild plugin turns every import of such a library into a
// tiny module that reads the host's global.
import type {Plugin} from 'esbuild';

/** npm package name → the `window` property the host sets. */
export const hostGlobals = {
  'react': 'React',
  'react-dom': 'ReactDOM',
  'redux': 'Redux',
  'react-redux': 'ReactRedux',
  'react-intl': 'ReactIntl',
  'prop-types': 'PropTypes',
  'react-bootstrap': 'ReactBootstrap',
  'react-router-dom': 'ReactRouterDom',
  'luxon': 'Luxon',
} as const satisfies Record<string, string>;

export type HostPackage = keyof typeof hostGlobals;

// Mattermost 11.x has no window.ReactJSXRuntime: mapping these to React would
// build fine and then fail in the browser, so refuse them at build time.
const unsupportedSubpaths = new Set(['react/jsx-runtime', 'react/jsx-dev-runtime']);

const namespace = 'baton-host-global';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Which host package an import path belongs to (`react-dom/client` → `react-dom`). */
export function hostPackageOf(importPath: string, globals: Record<string, string> = hostGlobals): string | undefined {
  return Object.keys(globals).find((name) => importPath === name || importPath.startsWith(`${name}/`));
}

export function hostGlobalsPlugin(globals: Record<string, string> = hostGlobals): Plugin {
  const names = Object.keys(globals).map(escapeRegExp).join('|');
  const filter = new RegExp(`^(${names})(/.*)?$`);
  return {
    name: 'baton-host-globals',
    setup(build) {
      build.onResolve({filter}, (args) => {
        if (unsupportedSubpaths.has(args.path)) {
          return {errors: [{text: `"${args.path}" is not provided by the Mattermost 11 host; use the classic JSX transform (React.createElement)`}]};
        }
        const packageName = hostPackageOf(args.path, globals);
        return packageName ? {path: packageName, namespace} : undefined;
      });
      build.onLoad({filter: /.*/, namespace}, (args) => {
        const globalName = globals[args.path];
        if (!globalName) {
          return {errors: [{text: `no host global for "${args.path}"`}]};
        }
        // Read at module evaluation, i.e. when the host runs the bundle, after
        // it has set the globals.
        return {contents: `module.exports = window[${JSON.stringify(globalName)}];`, loader: 'js'};
      });
    },
  };
}
