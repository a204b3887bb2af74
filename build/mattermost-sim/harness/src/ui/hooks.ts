import {useDispatch, useSelector} from 'react-redux';

import type {GlobalState, HarnessDispatch} from '../store/state';

export const useHarnessSelector = useSelector.withTypes<GlobalState>();
export const useHarnessDispatch = useDispatch.withTypes<HarnessDispatch>();
