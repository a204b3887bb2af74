import type {GlobalState} from './state';

type InputSelectors<Inputs extends unknown[]> = {[K in keyof Inputs]: (state: GlobalState) => Inputs[K]};

/**
 * A reselect-style selector: recomputes only when an input changed (by
 * identity), so components subscribed with useSelector see the same object
 * for the same state, as with mattermost-redux's createSelector.
 */
export function createSelector<Inputs extends unknown[], Result>(
    inputs: InputSelectors<Inputs>,
    combine: (...values: Inputs) => Result,
): (state: GlobalState) => Result {
    let lastValues: unknown[] | undefined;
    let lastResult: Result;
    return (state) => {
        const values = inputs.map((input) => input(state));
        if (!lastValues || values.some((value, index) => value !== lastValues![index])) {
            lastValues = values;
            lastResult = combine(...(values as Inputs));
        }
        return lastResult;
    };
}
