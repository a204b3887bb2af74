import {prefixCandidates} from '../../server-bridge/src/domain/tasks/keyPrefix';
import {commandFor} from './command';
import {benchWorld, channelIdsOf} from './world';

describe('the benchmark world', () => {
  const world = benchWorld();

  it('is the same on every run, so the simulator can recreate it under the same ids', () => {
    expect(benchWorld()).toEqual(world);
    expect(benchWorld(undefined, 2).people[0]!.id).not.toBe(world.people[0]!.id);
  });

  it('has Mattermost-shaped ids and a first key prefix of its own for every channel and person', () => {
    for (const {id} of [...world.people, ...world.channels]) expect(id).toMatch(/^[a-z0-9]{26}$/);
    const prefixes = [...world.channels.map((channel) => prefixCandidates(channel.name, 'TASK')[0]), ...world.people.map((person) => prefixCandidates(person.username, 'MY')[0])];
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('puts everyone in a few channels, so "mine" and boards are a slice of the data', () => {
    const counts = world.people.map((person) => channelIdsOf(world, person.id).length);
    expect(Math.min(...counts)).toBeGreaterThan(0);
    for (const channel of world.channels) expect(channel.members.length).toBeGreaterThanOrEqual(4);
  });
});

describe('the /task mix', () => {
  const world = benchWorld();
  const keys = new Map(world.channels.map((channel, index) => [channel.id, [`K${index}-1`, `K${index}-2`]]));
  // As the suite sends them: 50 people (every sixth), each their own sequence of commands.
  const lines = Array.from({length: 50}, (_, person) => Array.from({length: 20}, (_, n) => commandFor(world, keys, ['検索', 'draft'], person * 6, n))).flat();

  it('is four in ten mine, three show, two search, one board', () => {
    const kinds = lines.map((line) => line.text.split(' ')[0]);
    const share = (kind: string) => kinds.filter((candidate) => candidate === kind).length / kinds.length;
    expect([share('mine'), share('show'), share('search'), share('board')]).toEqual([0.4, 0.3, 0.2, 0.1]);
  });

  it('shows only keys of a channel the person is in, and types in that channel', () => {
    for (const line of lines) {
      expect(channelIdsOf(world, line.userId)).toContain(line.channelId);
      if (line.text.startsWith('show ')) expect(keys.get(line.channelId)).toContain(line.text.slice(5));
    }
  });
});
