import {isPlainObject, reArg} from './reArg';

describe('reArg (webapp/channels/src/utils/func.ts)', () => {
    const record = reArg(['icon', 'action', 'text'], (args: {icon: unknown; action: unknown; text: unknown}) => args);

    it('uses one object whose keys are all in the key list as named arguments', () => {
        const action = () => undefined;
        expect(record({text: 'Hi', action})).toEqual({text: 'Hi', action});
    });

    it('zips positional arguments onto the key list, in order', () => {
        const action = () => undefined;
        expect(record('icon', action, 'Hi')).toEqual({icon: 'icon', action, text: 'Hi'});
        expect(record('icon')).toEqual({icon: 'icon', action: undefined, text: undefined});
    });

    it('silently treats an object with an unknown key as the first positional argument', () => {
        const options = {icon: 'icon', text: 'Hi', tooltip: 'not a key of this method'};
        expect(record(options)).toEqual({icon: options, action: undefined, text: undefined});
    });

    it('treats an empty object as named arguments (every one of its zero keys is known)', () => {
        expect(record({})).toEqual({});
    });

    it('treats anything but one plain object positionally', () => {
        class Options {
            icon = 'x';
        }
        const instance = new Options();
        expect(record(instance)).toEqual({icon: instance, action: undefined, text: undefined});
        expect(record({icon: 'a'}, 'b')).toEqual({icon: {icon: 'a'}, action: 'b', text: undefined});
    });
});

describe('isPlainObject (lodash semantics)', () => {
    it('accepts object literals and null-prototype objects', () => {
        expect(isPlainObject({a: 1})).toBe(true);
        expect(isPlainObject(Object.create(null))).toBe(true);
    });

    it('rejects arrays, functions, class instances and null', () => {
        expect(isPlainObject([])).toBe(false);
        expect(isPlainObject(() => undefined)).toBe(false);
        expect(isPlainObject(new Date())).toBe(false);
        expect(isPlainObject(null)).toBe(false);
    });
});
