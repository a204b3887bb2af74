import type {JsonValue, SettingsStore} from '../domain/settings';
import {CONNECTION_SETTING, connectionFromSettings, type MattermostConnection} from './connection';

// The stored connection as the running bridge reads it: briefly cached, but
// "not set up yet" is never cached, so the first setup works at once.

function memorySettings(): SettingsStore {
  const values = new Map<string, JsonValue>();
  return {
    async get(key: string) {
      return values.get(key);
    },
    async set(key: string, value: JsonValue) {
      values.set(key, value);
    },
    async setIfAbsent(key: string, value: JsonValue) {
      if (!values.has(key)) values.set(key, value);
      return values.get(key) as JsonValue;
    },
    async delete(key: string) {
      return values.delete(key);
    },
  };
}

const stored: MattermostConnection = {url: 'https://mm.example.com', botUserId: 'bot', botToken: 'secret', commandTokens: ['t1'], bridgeUrl: 'https://baton.example.com'};

describe('connectionFromSettings', () => {
  it('sees the first setup on the very next read, then caches for the given time', async () => {
    let clock = 0;
    const settings = memorySettings();
    const source = connectionFromSettings(settings, 5000, () => clock);
    expect(await source.get()).toBeUndefined();
    await settings.set(CONNECTION_SETTING, {...stored});
    expect(await source.get()).toEqual(stored);

    await settings.set(CONNECTION_SETTING, {...stored, commandTokens: ['t2']});
    clock = 4999;
    expect((await source.get())?.commandTokens).toEqual(['t1']);
    clock = 5000;
    expect((await source.get())?.commandTokens).toEqual(['t2']);
  });
});
