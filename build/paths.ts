// Where things live in the repository. Every build script resolves paths from
// here so that it works from any working directory (npm runs workspace
// scripts inside webapp/, make runs them from the root).
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..');
export const pluginJsonPath = path.join(repoRoot, 'plugin.json');
export const assetsDir = path.join(repoRoot, 'assets');
export const distDir = path.join(repoRoot, 'dist');
export const webappDir = path.join(repoRoot, 'webapp');
export const webappEntry = path.join(webappDir, 'src', 'index.tsx');
export const webappManifestPath = path.join(webappDir, 'src', 'manifest.ts');

/** Show a path relative to the repository root, for messages. */
export function displayPath(file: string): string {
  return path.relative(repoRoot, file) || '.';
}
