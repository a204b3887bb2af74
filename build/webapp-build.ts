// Builds the webapp plugin bundle with esbuild.
//   tsx build/webapp-build.ts            production bundle (minified, no source map)
//   tsx build/webapp-build.ts --dev      development bundle (linked source map)
//   tsx build/webapp-build.ts --watch    rebuild on change (combine with --dev)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

import * as esbuild from 'esbuild';

import {hostGlobalsPlugin} from './host-globals';
import {readManifest, writeWebappManifest} from './manifest';
import {displayPath, repoRoot, webappEntry} from './paths';

export {hostGlobals, hostGlobalsPlugin} from './host-globals';

export type BuildMode = 'production' | 'development';

export type WebappBuildOptions = {
  mode?: BuildMode;
  /** Defaults to plugin.json's webapp.bundle_path. */
  outfile?: string;
  entry?: string;
  /** Regenerate webapp/src/manifest.ts from plugin.json first (default true). */
  regenerateManifest?: boolean;
};

export type BundleSize = {outfile: string; bytes: number; gzipBytes: number};

export function defaultBundlePath(): string {
  return path.join(repoRoot, readManifest().webapp.bundle_path);
}

export function esbuildOptions(options: WebappBuildOptions = {}): esbuild.BuildOptions {
  const mode = options.mode ?? 'production';
  const production = mode === 'production';
  return {
    entryPoints: [options.entry ?? webappEntry],
    outfile: options.outfile ?? defaultBundlePath(),
    bundle: true,
    // The host loads the file with a plain <script> tag.
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: production,
    // The host's CSP is `script-src 'self'`: never eval-based maps.
    sourcemap: production ? false : 'linked',
    // Classic runtime: Mattermost 11 provides window.React but no JSX runtime.
    jsx: 'transform',
    jsxFactory: 'React.createElement',
    jsxFragment: 'React.Fragment',
    define: {'process.env.NODE_ENV': JSON.stringify(mode)},
    // The icon ships once, as markup, and is turned into an <img> URL or inline
    // SVG at runtime.
    loader: {'.svg': 'text'},
    plugins: [hostGlobalsPlugin()],
    legalComments: 'none',
    logLevel: 'warning',
  };
}

export function measureBundle(outfile: string): BundleSize {
  const contents = fs.readFileSync(outfile);
  return {outfile, bytes: contents.length, gzipBytes: zlib.gzipSync(contents, {level: 9}).length};
}

export function formatBundleSize({outfile, bytes, gzipBytes}: BundleSize): string {
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  return `${displayPath(outfile)}: ${kib(bytes)} (${kib(gzipBytes)} gzipped)`;
}

/** One build. Returns the size of the bundle written. */
export async function buildWebapp(options: WebappBuildOptions = {}): Promise<BundleSize> {
  if (options.regenerateManifest ?? true) {
    writeWebappManifest();
  }
  const buildOptions = esbuildOptions(options);
  const outfile = buildOptions.outfile ?? defaultBundlePath();
  if (!buildOptions.sourcemap) {
    // A map left by an earlier --dev build would no longer match.
    fs.rmSync(`${outfile}.map`, {force: true});
  }
  await esbuild.build(buildOptions);
  return measureBundle(outfile);
}

/** Rebuild on every change until the process ends; prints the size each time. */
export async function watchWebapp(options: WebappBuildOptions = {}): Promise<esbuild.BuildContext> {
  if (options.regenerateManifest ?? true) {
    writeWebappManifest();
  }
  const buildOptions = esbuildOptions(options);
  const outfile = buildOptions.outfile ?? defaultBundlePath();
  const reportSize: esbuild.Plugin = {
    name: 'baton-report-size',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length === 0) {
          console.log(formatBundleSize(measureBundle(outfile)));
        }
      });
    },
  };
  const context = await esbuild.context({...buildOptions, plugins: [...(buildOptions.plugins ?? []), reportSize]});
  await context.watch();
  console.log('watching webapp/src for changes (Ctrl-C to stop)');
  return context;
}

async function main(argv: string[]): Promise<void> {
  const known = new Set(['--watch', '--dev']);
  const unknown = argv.filter((arg) => !known.has(arg));
  if (unknown.length > 0) {
    throw new Error(`unknown option(s): ${unknown.join(' ')} (use --watch and/or --dev)`);
  }
  const mode: BuildMode = argv.includes('--dev') ? 'development' : 'production';
  if (argv.includes('--watch')) {
    await watchWebapp({mode});
    return;
  }
  console.log(formatBundleSize(await buildWebapp({mode})));
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    // esbuild has already printed its diagnostics.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
