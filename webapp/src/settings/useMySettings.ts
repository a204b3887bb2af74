// The person's settings, loaded when the form opens; Retry loads them again.
import {useCallback, useEffect, useState} from 'react';

import type {BridgeApi} from '../api/bridgeApi';
import type {UserSettingsBody} from '../api/contract';
import {describeFailure} from '../tasks/taskLists';
import type {RequestFailure} from '../tasks/tasksSlice';

export type MySettings =
  | {status: 'loading'}
  | {status: 'error'; failure: RequestFailure}
  | {status: 'loaded'; settings: UserSettingsBody};

export function useMySettings(api: Pick<BridgeApi, 'getMySettings'>): [MySettings, () => void] {
  const [settings, setSettings] = useState<MySettings>({status: 'loading'});
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setSettings({status: 'loading'});
    api.getMySettings(controller.signal).then(
      (loaded) => !controller.signal.aborted && setSettings({status: 'loaded', settings: loaded}),
      (error: unknown) => !controller.signal.aborted && setSettings({status: 'error', failure: describeFailure(error)}),
    );
    return () => controller.abort();
  }, [api, attempt]);
  return [settings, useCallback(() => setAttempt((count) => count + 1), [])];
}
