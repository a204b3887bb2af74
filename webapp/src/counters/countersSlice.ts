// The numbers on the sidebar counters (GET /api/v1/me/counters); null until
// the first answer. A failed refresh keeps the last numbers shown.
import type {MyCountersView} from '../api/contract';
import type {PlainAction} from '../plugin/hostTypes';

export type CountersState = {
  counts: MyCountersView | null;
  /** The last refresh failed (the numbers, if any, are older). */
  failed: boolean;
};

export const initialCountersState: CountersState = {counts: null, failed: false};

const loadedType = 'baton/counters/loaded';
const failedType = 'baton/counters/failed';

type LoadedAction = {type: typeof loadedType; counts: MyCountersView};
type FailedAction = {type: typeof failedType};

export const countersLoaded = (counts: MyCountersView): LoadedAction => ({type: loadedType, counts});
export const countersFailed = (): FailedAction => ({type: failedType});

export function countersReducer(state: CountersState = initialCountersState, action: PlainAction): CountersState {
  if (action.type === loadedType) {
    return {counts: (action as LoadedAction).counts, failed: false};
  }
  if (action.type === failedType) {
    return state.failed ? state : {...state, failed: true};
  }
  return state;
}
