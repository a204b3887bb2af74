import {encodeFormValues, goFormatFloat, goFormatValue, marshalGoJson, sortMapKeys} from './goEncoding';

describe('Go wire encodings', () => {
  it('encodes form values like url.Values.Encode: sorted keys, repeated keys in order, QueryEscape', () => {
    const values = new Map([
      ['text', ['a b*c~d/é']],
      ['b', ['2', '1']],
      ['a', ['']],
    ]);
    expect(encodeFormValues(values)).toBe('a=&b=2&b=1&text=a+b%2Ac~d%2F%C3%A9');
  });

  it('marshals JSON with Go HTML escaping', () => {
    expect(marshalGoJson({m: '<a href="x">&</a>\u2028'})).toBe('{"m":"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e\\u2028"}');
  });

  it('sorts map keys recursively, keeping arrays in order', () => {
    expect(JSON.stringify(sortMapKeys({b: 1, a: {d: [{z: 1, y: 2}], c: 0}}))).toBe('{"a":{"c":0,"d":[{"y":2,"z":1}]},"b":1}');
  });

  it.each([
    [5, '5'],
    [1.5, '1.5'],
    [123456, '123456'],
    [1000000, '1e+06'],
    [1234567, '1.234567e+06'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
  ])('formats %p like fmt %%v: %s', (value, expected) => {
    expect(goFormatFloat(value)).toBe(expected);
  });

  it('formats any JSON value like fmt %v', () => {
    expect(goFormatValue(true)).toBe('true');
    expect(goFormatValue(['a', 2])).toBe('[a 2]');
    expect(goFormatValue({b: 1, a: 'x'})).toBe('map[a:x b:1]');
  });
});
