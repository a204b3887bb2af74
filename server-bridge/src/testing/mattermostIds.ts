// Readable Mattermost-shaped ids for tests: `mmId('sato')` is 26 characters of [a-z0-9].
export function mmId(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '').padEnd(26, '0').slice(0, 26);
}
