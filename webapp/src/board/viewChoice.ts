// Whether "This channel" shows as List or Board, remembered per channel in
// the browser's localStorage. The storage is handed in (tests give a fake);
// a browser that refuses storage (private mode, blocked site data) simply
// forgets the choice, so every access is guarded.
export type ChannelViewMode = 'list' | 'board';

/** The part of the Web Storage API the choice needs. */
export type ViewStorage = {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
};

export const viewChoiceKey = (channelId: string) => `baton.channelView.${channelId}`;

/** window.localStorage, looked up at each call (it may be missing or throw). */
export function browserViewStorage(): ViewStorage {
  return {
    getItem: (key) => window.localStorage.getItem(key),
    setItem: (key, value) => window.localStorage.setItem(key, value),
  };
}

export function readViewMode(storage: ViewStorage, channelId: string | null): ChannelViewMode {
  if (!channelId) {
    return 'list';
  }
  try {
    return storage.getItem(viewChoiceKey(channelId)) === 'board' ? 'board' : 'list';
  } catch {
    return 'list';
  }
}

export function writeViewMode(storage: ViewStorage, channelId: string | null, mode: ChannelViewMode): void {
  if (!channelId) {
    return;
  }
  try {
    storage.setItem(viewChoiceKey(channelId), mode);
  } catch {
    // Storage refused: the choice lasts until the panel closes.
  }
}
