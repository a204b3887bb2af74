import {createIdGenerator} from '../mattermost-sim/src/ids';
import {integerBelow, type Random, randomStream} from '../fixtures/random';
import {languageKits, languages} from '../fixtures/vocabulary';

// Who the benchmark's tasks belong to: an organisation big enough that one
// person's "mine" list and one channel's board are a small slice of a million
// tasks, as they are in a real installation (the demo organisation's 7 people
// and 4 channels would put a quarter of a million tasks on every board).
// Ids are Mattermost-shaped and deterministic, so the simulator can create the
// same people and channels under the same ids for the /task suite.

export interface BenchPerson {
  id: string;
  username: string;
  locale: string;
  timeZone: string;
}

export interface BenchChannel {
  id: string;
  /** Made-up words, distinct in their first six letters: each channel gets its own key prefix, as the service derives it. */
  name: string;
  /** Member ids; the first is the channel's creator. */
  members: string[];
}

export interface BenchWorld {
  people: BenchPerson[];
  channels: BenchChannel[];
}

export interface BenchWorldSize {
  people: number;
  channels: number;
  /** Members per channel lie between these (inclusive). */
  minMembers: number;
  maxMembers: number;
}

export const defaultWorldSize: BenchWorldSize = {people: 300, channels: 200, minMembers: 4, maxMembers: 30};

const locales: Record<(typeof languages)[number], string> = {ja: 'ja', 'zh-TW': 'zh-TW', ru: 'ru', en: 'en'};

const consonants = 'bdfghkmnprstvz';
const vowels = 'aeiou';

/** Pronounceable names, distinct in their first six letters (key prefixes are six letters: user042 and user043 would share one). */
function nameMaker(random: Random): () => string {
  const used = new Set<string>();
  const syllable = () => `${consonants[integerBelow(random, consonants.length)]}${vowels[integerBelow(random, vowels.length)]}`;
  return () => {
    for (;;) {
      const name = `${syllable()}${syllable()}${syllable()}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}

export function benchWorld(size: BenchWorldSize = defaultWorldSize, seed = 1): BenchWorld {
  const newId = createIdGenerator(`baton-bench-${seed}`);
  const random = randomStream(seed, 'world');
  const newName = nameMaker(random);
  const people = Array.from({length: size.people}, (_, index): BenchPerson => {
    const language = languages[index % languages.length]!;
    return {id: newId(), username: newName(), locale: locales[language], timeZone: languageKits[language].timeZone};
  });
  const channels = Array.from({length: size.channels}, (): BenchChannel => {
    const count = Math.min(size.people, size.minMembers + integerBelow(random, size.maxMembers - size.minMembers + 1));
    // A partial shuffle: `count` distinct people, uniformly.
    const order = people.map((person) => person.id);
    for (let chosen = 0; chosen < count; chosen += 1) {
      const other = chosen + integerBelow(random, order.length - chosen);
      [order[chosen], order[other]] = [order[other]!, order[chosen]!];
    }
    return {id: newId(), name: `${newName()}-team`, members: order.slice(0, count)};
  });
  return {people, channels};
}

/** The channels each person is a member of, as Mattermost would answer. */
export function channelIdsOf(world: BenchWorld, personId: string): string[] {
  return world.channels.filter((channel) => channel.members.includes(personId)).map((channel) => channel.id);
}
