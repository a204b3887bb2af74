import {createHash, randomBytes} from 'node:crypto';

// Mattermost ids: 16 random bytes in base32 with Mattermost's own alphabet,
// 26 characters (server/public/model/utils.go NewId).
const ALPHABET = 'ybndrfg8ejkmcpqxot1uwisza345h769';

export function encodeId(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.slice(0, 26);
}

export type IdGenerator = () => string;

/**
 * Random ids, or — with a seed — the same sequence every run, so a seeded
 * sandbox has stable user, channel and post ids that tests and demos can rely on.
 */
export function createIdGenerator(seed?: string): IdGenerator {
  if (seed === undefined) return () => encodeId(randomBytes(16));
  let counter = 0;
  return () => encodeId(createHash('sha256').update(`${seed}:${(counter += 1)}`).digest().subarray(0, 16));
}

export const isValidId = (value: string): boolean => /^[a-z0-9]{26}$/.test(value);
