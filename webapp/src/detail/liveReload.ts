// Keeps the open task's comments and timeline current: when the task in the
// tasks slice moves past the version they were loaded for (a live
// task.changed, someone else's comment or edit), they are read again, once
// the changes stop for a moment. A version they were already requested at
// (the detail's own refresh after an action) reloads nothing.
import {useEffect, useRef} from 'react';

import {loadDetail} from './detailLoader';
import type {DetailLoaderDeps} from './detailLoader';

/** Changes closer together than this are read once. */
export const liveReloadDelayMs = 300;

export function useLiveDetailReload(taskId: string, version: number | undefined, requestedVersion: number | null, deps: DetailLoaderDeps): void {
  // The version the view opened at: anything newer is news.
  const opened = useRef<{taskId: string; version: number} | null>(null);
  if (version !== undefined && opened.current?.taskId !== taskId) {
    opened.current = {taskId, version};
  }
  const baseline = opened.current?.taskId === taskId ? Math.max(opened.current.version, requestedVersion ?? 0) : null;
  const stale = version !== undefined && baseline !== null && version > baseline;

  useEffect(() => {
    if (!stale || version === undefined) {
      return undefined;
    }
    const timer = setTimeout(() => void loadDetail(taskId, deps, version), liveReloadDelayMs);
    return () => clearTimeout(timer);
  }, [stale, version, taskId, deps]);
}
