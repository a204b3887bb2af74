// Builds Baton's webapp bundle from the current sources into a temporary
// file, exactly as `npm run build -w webapp` does (build/webapp-build.ts,
// production). esbuild refuses to run inside jsdom, so the build runs in a
// separate Node process.
import {execFileSync} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../../../../..');

export function buildBatonBundle(): string {
    const outfile = path.join(mkdtempSync(path.join(tmpdir(), 'baton-bundle-')), 'main.js');
    const webappBuild = path.join(repoRoot, 'build', 'webapp-build.ts');
    const script = `require(${JSON.stringify(webappBuild)}).buildWebapp({outfile: ${JSON.stringify(outfile)}, regenerateManifest: false})` +
        '.catch((error) => { console.error(error); process.exit(1); });';
    execFileSync(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['-e', script], {cwd: repoRoot, stdio: 'pipe'});
    return outfile;
}
