import {initialSessionState} from '../session/sessionSlice';

import {reducer} from './reducer';
import {rhsRegistered} from './rhsSlice';
import {getPluginState, getRhsPluggableId, pluginStateKey} from './selectors';

describe('plugin state', () => {
  it('is mounted under the key the host uses for this plugin', () => {
    expect(pluginStateKey).toBe('plugins-baton');
  });

  it('starts with no RHS registered and no session', () => {
    expect(reducer(undefined, {type: 'anything'})).toEqual({rhs: {pluggableId: null}, session: initialSessionState});
    expect(initialSessionState.status).toBe('idle');
  });

  it('records the RHS id the host assigned', () => {
    const state = reducer(undefined, rhsRegistered('rhs-123'));
    expect(getRhsPluggableId({[pluginStateKey]: state})).toBe('rhs-123');
  });

  it('ignores actions of other features and of the host', () => {
    const state = reducer(undefined, rhsRegistered('rhs-123'));
    expect(reducer(state, {type: 'RECEIVED_POSTS'})).toBe(state);
  });

  it('reads an initial state before the reducer is mounted', () => {
    expect(getPluginState({})).toEqual({rhs: {pluggableId: null}, session: initialSessionState});
  });
});
