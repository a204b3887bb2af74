// plugin.json is the single source of truth for the plugin's identity. This
// module validates it (with the rules the Mattermost server applies) and
// generates webapp/src/manifest.ts so the bundle cannot drift from it.
// Run directly: `tsx build/manifest.ts`.
import fs from 'node:fs';
import path from 'node:path';

import {z} from 'zod';

import {displayPath, pluginJsonPath, webappManifestPath} from './paths';

export const generatedHeader = '// Generated from plugin.json by build/manifest.ts — do not edit.';

// Same rule as the server's model.IsValidPluginId.
const pluginIdPattern = /^[a-zA-Z0-9-_.]+$/;

// Semantic Versioning 2.0.0, optional pre-release and build metadata.
const semverPattern =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

const requiredText = z.string({error: 'is required and must be a non-empty string'}).trim().min(1, {error: 'is required and must be a non-empty string'});

const semver = (example: string) =>
  requiredText.regex(semverPattern, {error: (issue) => `must be a semantic version such as ${example}, got "${String(issue.input)}"`});

// Paths inside the plugin bundle must stay inside it once unpacked.
const bundleRelativePath = z
  .string({error: 'must be a string'})
  .refine((value) => !value.includes('\\') && !path.posix.isAbsolute(value) && !path.posix.normalize(value).startsWith('..'), {
    error: (issue) => `must be a relative path inside the plugin bundle, got "${String(issue.input)}"`,
  })
  .transform((value) => path.posix.normalize(value));

const manifestSchema = z.looseObject(
  {
    id: requiredText
      .min(3, {error: (issue) => `must be 3–190 characters, got ${String(issue.input).length}`})
      .max(190, {error: (issue) => `must be 3–190 characters, got ${String(issue.input).length}`})
      .regex(pluginIdPattern, {error: (issue) => `must match ${pluginIdPattern.source}, got "${String(issue.input)}"`}),
    name: requiredText,
    description: z.string({error: 'must be a string'}).optional(),
    version: semver('1.2.3'),
    min_server_version: semver('11.1.0'),
    icon_path: bundleRelativePath.optional(),
    webapp: z.looseObject(
      {
        bundle_path: z
          .string({error: 'is required and must be a non-empty string'})
          .min(1, {error: 'is required and must be a non-empty string'})
          .pipe(bundleRelativePath)
          .refine((value) => value.endsWith('.js'), {error: (issue) => `must name a .js file, got "${String(issue.input)}"`}),
      },
      {error: 'is required and must be an object with bundle_path'},
    ),
  },
  {error: 'must be a JSON object'},
);

export type PluginManifest = z.infer<typeof manifestSchema>;

/** A plugin.json problem; `field` names the offending field (dotted path). */
export class ManifestError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`plugin.json: "${field}" ${problem}`);
    this.name = 'ManifestError';
  }
}

export function validateManifest(raw: unknown): PluginManifest {
  const result = manifestSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ManifestError(issue && issue.path.length > 0 ? issue.path.join('.') : '(root)', issue?.message ?? 'is invalid');
}

export function readManifest(file: string = pluginJsonPath): PluginManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot read ${displayPath(file)}: ${reason}`);
  }
  return validateManifest(parsed);
}

/** A single-quoted TypeScript string literal, in the repository's style. */
function quote(value: string): string {
  const escaped = JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${escaped}'`;
}

/** The TypeScript source of webapp/src/manifest.ts for a manifest. */
export function renderWebappManifest(manifest: PluginManifest): string {
  // Only what the browser needs: identity, not build paths.
  const fields = {
    id: manifest.id,
    name: manifest.name,
    version: manifest.version,
    min_server_version: manifest.min_server_version,
  };
  const body = Object.entries(fields)
    .map(([key, value]) => `  ${key}: ${quote(value)},`)
    .join('\n');
  return `${generatedHeader}\n\nexport const manifest = {\n${body}\n} as const;\n\nexport default manifest;\n`;
}

/**
 * Regenerate webapp/src/manifest.ts. Writes only when the content changes, so
 * watchers and parallel builds do not see needless rewrites.
 */
export function writeWebappManifest(manifest: PluginManifest = readManifest(), target: string = webappManifestPath): boolean {
  const source = renderWebappManifest(manifest);
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
  if (current === source) {
    return false;
  }
  fs.writeFileSync(target, source);
  return true;
}

if (require.main === module) {
  try {
    const changed = writeWebappManifest();
    console.log(`${displayPath(webappManifestPath)} ${changed ? 'regenerated' : 'up to date'}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
