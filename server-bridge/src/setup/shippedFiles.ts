import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {z} from 'zod';

// Files of the Baton release the bridge needs at setup time: plugin.json
// (which plugin version must be installed beside this bridge) and the icon.
// This file sits at <root>/server-bridge/{src,dist}/setup/, so both the
// sources and the build find the repository root three levels up.

const releaseRoot = join(__dirname, '..', '..', '..');

const pluginSchema = z.object({id: z.string().min(1), version: z.string().min(1), icon_path: z.string().default('assets/baton.svg')});

export function readPluginIdentity(root = releaseRoot): {id: string; version: string} {
  const {id, version} = pluginSchema.parse(JSON.parse(readFileSync(join(root, 'plugin.json'), 'utf8')));
  return {id, version};
}

/** The bot's icon: the plugin's own icon (plugin.json `icon_path`), an SVG. */
export function readBotIcon(root = releaseRoot): Buffer {
  const {icon_path: iconPath} = pluginSchema.parse(JSON.parse(readFileSync(join(root, 'plugin.json'), 'utf8')));
  return readFileSync(join(root, iconPath));
}
