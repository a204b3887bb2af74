// Builds the browser harness: harness/src/main.tsx bundled by esbuild into one
// script (plus its stylesheet) and an index.html that loads them. Production
// mode, no eval and no eval-based source maps: the page is served with
// Mattermost's CSP `script-src 'self'`, so anything eval-like would fail here
// exactly as it would in Mattermost.
import {createHash} from 'node:crypto';
import {mkdir, readFile, readdir, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';

import * as esbuild from 'esbuild';

import {renderIndexHtml} from './page/indexHtml';

export const harnessSourceDir = path.join(__dirname, 'src');
export const harnessEntry = path.join(harnessSourceDir, 'main.tsx');
export const defaultHarnessOutDir = path.join(__dirname, 'dist');

/** URL path the bundle and stylesheet are served under (routes/harness.ts). */
export const harnessAssetPath = '/harness';

export interface HarnessBuild {
    outDir: string;
    /** File names in outDir: main.js, main.css, index.html. */
    files: string[];
}

// Patterns that need `unsafe-eval`. A match means a dependency changed in a way
// Mattermost's CSP would block; better to fail the build than the browser.
const evalPatterns = [/\beval\(/, /\bnew Function\(/];

export function findEvalUse(code: string): string | undefined {
    return evalPatterns.find((pattern) => pattern.test(code))?.source;
}

function contentHash(...contents: string[]): string {
    const hash = createHash('sha256');
    for (const content of contents) {
        hash.update(content);
    }
    return hash.digest('hex').slice(0, 12);
}

export async function buildHarness(outDir: string = defaultHarnessOutDir): Promise<HarnessBuild> {
    await mkdir(outDir, {recursive: true});
    await esbuild.build({
        entryPoints: {main: harnessEntry},
        outdir: outDir,
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: 'es2020',
        minify: true,
        sourcemap: false,
        // Classic runtime, like the plugins the harness hosts.
        jsx: 'transform',
        jsxFactory: 'React.createElement',
        jsxFragment: 'React.Fragment',
        define: {'process.env.NODE_ENV': JSON.stringify('production')},
        legalComments: 'none',
        logLevel: 'warning',
    });
    const script = await readFile(path.join(outDir, 'main.js'), 'utf8');
    const evalUse = findEvalUse(script);
    if (evalUse) {
        throw new Error(`The harness bundle matches ${evalUse}; Mattermost's CSP (script-src 'self') would refuse it.`);
    }
    const styles = await readFile(path.join(outDir, 'main.css'), 'utf8');
    const html = renderIndexHtml({assetPath: harnessAssetPath, version: contentHash(script, styles)});
    await writeFile(path.join(outDir, 'index.html'), html);
    return {outDir, files: ['main.js', 'main.css', 'index.html']};
}

/** The newest modification time among the harness sources (to rebuild after edits). */
export async function newestSourceTime(dir: string = harnessSourceDir): Promise<number> {
    let newest = 0;
    for (const entry of await readdir(dir, {withFileTypes: true})) {
        const full = path.join(dir, entry.name);
        const time = entry.isDirectory() ? await newestSourceTime(full) : (await stat(full)).mtimeMs;
        newest = Math.max(newest, time);
    }
    return newest;
}

if (require.main === module) {
    buildHarness(process.argv[2] ?? defaultHarnessOutDir).then(
        (result) => console.log(`harness built in ${result.outDir}: ${result.files.join(', ')}`),
        (error: unknown) => {
            console.error(error);
            process.exitCode = 1;
        },
    );
}
