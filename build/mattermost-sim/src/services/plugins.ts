import {readFileSync} from 'node:fs';
import type {SimContext} from '../context';
import {MmError} from '../errors';
import type {InstalledPlugin} from '../store/entities';

// Installed webapp plugins. Mattermost unpacks a plugin bundle, hashes the
// webapp bundle (FNV-1a 64, model.ManifestWebapp.BundleHash) and serves it
// at /static/plugins/<id>/<id>_<hash>_bundle.js; GET /plugins/webapp hands
// out client manifests pointing there (model.Manifest.ClientManifest).

export interface PluginToInstall {
  manifest: InstalledPlugin['manifest'];
  bundleFile: string;
  assetsDir?: string;
  publicDir?: string;
}

/** model/manifest.go: ids are 3–190 characters of [a-zA-Z0-9-_.]. */
const PLUGIN_ID = /^[a-zA-Z0-9-_.]{3,190}$/;

export function installPlugin(ctx: SimContext, plugin: PluginToInstall): InstalledPlugin {
  if (!PLUGIN_ID.test(plugin.manifest.id)) throw new MmError(400, 'model.manifest.is_valid.id.app_error', 'Invalid plugin id.');
  const installed: InstalledPlugin = {...plugin, enabled: true};
  ctx.store.plugins.set(plugin.manifest.id, installed);
  return installed;
}

/** 64-bit FNV-1a, printed as Go's %x prints the 8 hash bytes. */
export function fnv1a64Hex(data: Uint8Array): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of data) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/** The bundle as it is on disk now (rebuilds show up), with its file name under /static/plugins/<id>/. */
export function readBundle(plugin: InstalledPlugin): {body: Buffer; fileName: string} {
  const body = readFileSync(plugin.bundleFile);
  return {body, fileName: `${plugin.manifest.id}_${fnv1a64Hex(body)}_bundle.js`};
}

/**
 * model.Manifest.ClientManifest plus api4/plugin.go getWebappPlugins: no
 * description, no server part, no settings schema, and bundle_path rewritten
 * to /static/<id>/<file> (the webapp maps /static/ to /static/plugins/).
 */
export function clientManifest(plugin: InstalledPlugin): Record<string, unknown> {
  const {description: _description, server: _server, settings_schema: _settingsSchema, ...manifest} = plugin.manifest;
  return {...manifest, webapp: {bundle_path: `/static/${plugin.manifest.id}/${readBundle(plugin).fileName}`}};
}
