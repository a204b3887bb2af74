/** JSON-compatible values, as the settings store keeps them. */
export type JsonValue = string | number | boolean | null | JsonValue[] | {[key: string]: JsonValue};

/**
 * The bridge's own durable settings (bot token, command tokens, signing keys).
 * Implemented by storage; services receive it, never a database handle.
 */
export interface SettingsStore {
  get(key: string): Promise<JsonValue | undefined>;
  set(key: string, value: JsonValue): Promise<void>;
  /**
   * Stores `value` only if the key has none yet and returns what is stored
   * afterwards: the first writer wins, later writers (other requests, other
   * replicas) get the winner's value. For values made once, like signing keys.
   */
  setIfAbsent(key: string, value: JsonValue): Promise<JsonValue>;
  delete(key: string): Promise<boolean>;
}
