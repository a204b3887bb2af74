import {lookup} from 'node:dns/promises';
import {BlockList, isIP} from 'node:net';
import {networkInterfaces} from 'node:os';

// ServiceSettings.AllowedUntrustedInternalConnections, as Mattermost enforces
// it when dialing an integration (server/public/shared/httpservice/
// httpservice.go MakeTransport and client.go dialContextFilter):
//   1. a host name or IP literal listed exactly in the setting is dialed as is;
//   2. otherwise the host is resolved and each address is allowed when it is
//      neither reserved nor one of this machine's own addresses, or when it
//      falls inside a CIDR listed in the setting;
//   3. no allowed address → ErrAddressForbidden.
// Entries are separated by whitespace or commas (splitFields). A plain IP in
// the setting only matches an identical host literal: it is not a CIDR.

export const ADDRESS_FORBIDDEN_MESSAGE =
  'address forbidden, you may need to set AllowedUntrustedInternalConnections to allow an integration access to your internal network';

export class AddressForbiddenError extends Error {
  constructor() {
    super(ADDRESS_FORBIDDEN_MESSAGE);
  }
}

// client.go reservedIPRanges (from doyensec/safeurl).
const RESERVED_RANGES: ReadonlyArray<readonly [string, number, 'ipv4' | 'ipv6']> = [
  ['10.0.0.0', 8, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['0.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['192.88.99.0', 24, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['255.255.255.255', 32, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['100::', 64, 'ipv6'],
  ['2001::', 23, 'ipv6'],
  ['2001:2::', 48, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
  ['2001::', 32, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
  ['2002::', 16, 'ipv6'],
  ['64:ff9b::', 96, 'ipv6'],
  ['2001:10::', 28, 'ipv6'],
  ['2001:20::', 28, 'ipv6'],
];

const reservedRanges = new BlockList();
for (const [network, prefix, family] of RESERVED_RANGES) reservedRanges.addSubnet(network, prefix, family);

const familyOf = (ip: string): 'ipv4' | 'ipv6' => (isIP(ip) === 6 ? 'ipv6' : 'ipv4');

export function isReservedIp(ip: string): boolean {
  return reservedRanges.check(ip, familyOf(ip));
}

/** IsOwnIP: a request to the host's own public address reaches its loopback listeners. */
function isOwnIp(ip: string): boolean {
  const wanted = new BlockList();
  wanted.addAddress(ip, familyOf(ip));
  return Object.values(networkInterfaces()).some((addresses) => (addresses ?? []).some((address) => wanted.check(address.address, familyOf(address.address))));
}

export function parseAllowedList(setting: string): string[] {
  return setting.split(/[\s,]+/).filter((entry) => entry !== '');
}

function insideAllowedCidr(ip: string, allowed: readonly string[]): boolean {
  for (const entry of allowed) {
    const match = /^(.+)\/(\d{1,3})$/.exec(entry);
    if (!match) continue;
    const [, network = '', prefixText = ''] = match;
    const family = isIP(network);
    const prefix = Number(prefixText);
    if (family === 0 || prefix > (family === 4 ? 32 : 128)) continue;
    const range = new BlockList();
    range.addSubnet(network, prefix, family === 4 ? 'ipv4' : 'ipv6');
    if (range.check(ip, familyOf(ip))) return true;
  }
  return false;
}

export function isIpAllowed(ip: string, allowed: readonly string[]): boolean {
  if (!isReservedIp(ip) && !isOwnIp(ip)) return true;
  return insideAllowedCidr(ip, allowed);
}

/** Where to connect: `undefined` means dial the host normally (it is listed by name). */
export interface DialTarget {
  address: string;
  family: 4 | 6;
}

/**
 * Decides, before connecting, which address an integration request may use.
 * The connection is then pinned to that address, so a second DNS answer
 * cannot smuggle a private address past the check.
 */
export async function chooseDialTarget(hostname: string, allowedSetting: string): Promise<DialTarget | undefined> {
  const allowed = parseAllowedList(allowedSetting);
  if (allowed.includes(hostname)) return undefined;
  const addresses = isIP(hostname) !== 0 ? [hostname] : (await lookup(hostname, {all: true, verbatim: true})).map((entry) => entry.address);
  for (const address of addresses) {
    if (isIpAllowed(address, allowed)) return {address, family: isIP(address) === 6 ? 6 : 4};
  }
  throw new AddressForbiddenError();
}
