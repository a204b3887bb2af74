import {BlockList, isIP} from 'node:net';

// Whether Mattermost may call the bridge: it refuses integration URLs on
// private, loopback and other reserved addresses unless
// ServiceSettings.AllowedUntrustedInternalConnections lists the host name
// exactly or a CIDR holding the address (server/public/shared/httpservice).

/** Mattermost's reserved ranges (httpservice/client.go reservedIPRanges). */
const RESERVED = [
  '10.0.0.0/8 172.16.0.0/12 192.168.0.0/16 127.0.0.0/8 0.0.0.0/8 169.254.0.0/16 192.0.0.0/24 192.0.2.0/24',
  '198.51.100.0/24 203.0.113.0/24 192.88.99.0/24 198.18.0.0/15 224.0.0.0/4 240.0.0.0/4 255.255.255.255/32 100.64.0.0/10',
  '::/128 ::1/128 100::/64 2001::/23 2001:2::/48 2001:db8::/32 2001::/32 fc00::/7 fe80::/10 ff00::/8 2002::/16',
  '64:ff9b::/96 2001:10::/28 2001:20::/28',
].flatMap((line) => line.split(' '));

function blockOf(cidrs: readonly string[]): BlockList {
  const block = new BlockList();
  for (const cidr of cidrs) {
    const [network = '', prefix = ''] = cidr.split('/');
    const family = isIP(network);
    const bits = Number(prefix);
    if (family === 0 || !/^\d{1,3}$/.test(prefix) || bits > (family === 4 ? 32 : 128)) continue;
    block.addSubnet(network, bits, family === 4 ? 'ipv4' : 'ipv6');
  }
  return block;
}

const familyOf = (ip: string) => (isIP(ip) === 6 ? 'ipv6' : 'ipv4');

export function isReservedAddress(ip: string): boolean {
  return blockOf(RESERVED).check(ip, familyOf(ip));
}

/** Entries of the setting: separated by spaces or commas. */
export function allowedEntries(setting: string): string[] {
  return setting.split(/[\s,]+/).filter((entry) => entry !== '');
}

export type ReachVerdict =
  | {kind: 'public'; addresses: string[]}
  | {kind: 'listed'; entry: string}
  | {kind: 'covered'; addresses: string[]}
  | {kind: 'blocked'; addresses: string[]};

/**
 * How Mattermost treats a call to `host` (resolved to `addresses`): a host
 * listed by name is dialled as is; otherwise one usable address is enough,
 * usable meaning public, or inside a listed CIDR.
 */
export function judgeReach(host: string, addresses: readonly string[], setting: string): ReachVerdict {
  const entries = allowedEntries(setting);
  const bare = host.replace(/^\[|\]$/g, '');
  const listed = entries.find((entry) => entry === bare);
  if (listed) return {kind: 'listed', entry: listed};
  const publicOnes = addresses.filter((address) => !isReservedAddress(address));
  if (publicOnes.length > 0) return {kind: 'public', addresses: publicOnes};
  const allowed = blockOf(entries.filter((entry) => entry.includes('/')));
  const covered = addresses.filter((address) => allowed.check(address, familyOf(address)));
  return covered.length > 0 ? {kind: 'covered', addresses: covered} : {kind: 'blocked', addresses: [...addresses]};
}
