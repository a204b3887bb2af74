// The slice of fetch the webapp uses, narrowed so tests can hand in a fake
// through the factories instead of mocking a global. The browser's own
// window.fetch satisfies it.

export type FetchInit = {
  method: string;
  /** Always a plain object, so a fake can read what was sent. */
  headers: Record<string, string>;
  body?: string;
  credentials: RequestCredentials;
  signal?: AbortSignal;
};

export type FetchResponse = {
  ok: boolean;
  status: number;
  statusText: string;
  headers: {get(name: string): string | null};
  text(): Promise<string>;
  /** The body as it arrives (the live stream reads it; the browser's fetch always has it). */
  body?: ReadableStream<Uint8Array> | null;
};

export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;

/** Reads the text of a response as JSON; `undefined` for an empty body; not ok when the text is not JSON. */
export async function readJson(response: FetchResponse): Promise<{ok: true; value: unknown} | {ok: false}> {
  const text = await response.text();
  if (text === '') {
    return {ok: true, value: undefined};
  }
  try {
    return {ok: true, value: JSON.parse(text) as unknown};
  } catch {
    return {ok: false};
  }
}
