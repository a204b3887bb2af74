// Generated from plugin.json by build/manifest.ts — do not edit.

export const manifest = {
  id: 'baton',
  name: 'Baton',
  version: '0.1.0',
  min_server_version: '11.1.0',
} as const;

export default manifest;
