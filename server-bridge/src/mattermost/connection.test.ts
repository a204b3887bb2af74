import type {JsonValue, SettingsStore} from '../domain/settings';
import {until} from '../testing/until';
import {CONNECTION_SETTING, connectionFromSettings, type MattermostConnection} from './connection';

// The stored connection as the running bridge reads it: briefly cached, but
// "not set up yet" is never cached, so the first setup works at once. Once
// known, an expired connection is answered at once and re-read behind it: a
// request inside a transaction on the embedded engine (one connection) must
// not wait for the database.

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
    // Expired: answered from the cache while the stored connection is read again.
    expect((await source.get())?.commandTokens).toEqual(['t1']);
    await until(async () => (await source.get())?.commandTokens[0] === 't2', 'the re-read connection');
  });

  it('answers an expired connection without waiting for the store, and reads it once however many ask', async () => {
    let clock = 0;
    let reads = 0;
    let stalled = false;
    const settings = memorySettings();
    await settings.set(CONNECTION_SETTING, {...stored});
    const source = connectionFromSettings({...settings, get: (key) => (reads++, stalled ? new Promise(() => undefined) : settings.get(key))}, 5000, () => clock);
    expect(await source.get()).toEqual(stored);
    // The store stops answering, as the embedded engine's one connection does while a transaction holds it.
    stalled = true;
    clock = 6000;
    expect(await Promise.all([source.get(), source.get(), source.get()])).toEqual([stored, stored, stored]);
    expect(reads).toBe(2);
  });
});
