// The workflow templates the form offers, loaded when it opens; Retry loads them again.
import {useCallback, useEffect, useState} from 'react';

import type {BridgeApi} from '../api/bridgeApi';
import type {WorkflowTemplateBody} from '../api/contract';
import {describeFailure} from '../tasks/taskLists';
import type {RequestFailure} from '../tasks/tasksSlice';

export type Templates =
  | {status: 'loading'}
  | {status: 'error'; failure: RequestFailure}
  | {status: 'loaded'; items: WorkflowTemplateBody[]};

export function useTemplates(api: Pick<BridgeApi, 'listWorkflowTemplates'>): [Templates, () => void] {
  const [templates, setTemplates] = useState<Templates>({status: 'loading'});
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setTemplates({status: 'loading'});
    api.listWorkflowTemplates(controller.signal).then(
      (page) => !controller.signal.aborted && setTemplates({status: 'loaded', items: page.items}),
      (error: unknown) => !controller.signal.aborted && setTemplates({status: 'error', failure: describeFailure(error)}),
    );
    return () => controller.abort();
  }, [api, attempt]);
  return [templates, useCallback(() => setAttempt((count) => count + 1), [])];
}
