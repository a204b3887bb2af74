import fc from 'fast-check';

// Generated input for the fuzz tests (issue 9). `jsonSchemaValue` builds values
// from the OpenAPI document's JSON Schemas (the contract as clients see it), so
// requests get past the first check and reach the services; with `mutate`
// any field may instead be something absurd. The `strange*` arbitraries are
// what careless or hostile clients send.

/** The part of JSON Schema that the OpenAPI document (zod's toJSONSchema) uses. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

/** Nested deeper than this, a generated value stops (null): schemas refer to themselves (workflow steps). */
const MAX_DEPTH = 5;

/** Text people and programs should not send but do: control characters, lone surrogates, other scripts, right-to-left overrides, injection attempts, huge strings. */
export const strangeText: fc.Arbitrary<string> = fc.oneof(
  fc.string({unit: 'grapheme', maxLength: 30}),
  fc.string({unit: 'binary', maxLength: 30}),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '特許庁への応答',
    'Срок подачи',
    '🚀🔥👩‍👩‍👧',
    'مرحبا بالعالم',
    '\u202Egnp.exe',
    '\r\n\t',
    'null',
    '1e999',
    '-0',
    "'; drop table tasks; --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%00',
    '{{title}}',
    '2027-02-30',
    '9999-12-31T23:59:59Z',
    'x'.repeat(100_000),
  ),
);

/** One path segment as it appears in a URL (encoded, or raw tricks). */
export const strangeSegment: fc.Arbitrary<string> = fc.oneof(
  strangeText.filter((text) => text.length > 0 && text.length < 10_000).map(encodedSegment),
  fc.constantFrom('%00', '..%2F..', '..', '%', '%E0%A4%A', '%2e%2e', '%20', 'PAT-0', 'PAT-99999999999999', '0', '-1', '1e3', 'NaN', 'x'.repeat(5_000), '%F0%9F%9A%80'),
);

/** Percent-encoded text; a lone surrogate (which encodeURIComponent refuses) becomes the bytes a careless client would send. */
function encodedSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

let deepArray: unknown = [];
for (let level = 0; level < 2_000; level += 1) deepArray = [deepArray];
let deepObject: unknown = {};
for (let level = 0; level < 2_000; level += 1) deepObject = {a: deepObject};

/** Any JSON value, with the extremes: nulls, huge and tiny numbers, deep nesting, long arrays and strings. */
export const strangeJson: fc.Arbitrary<unknown> = fc.oneof(
  {weight: 3, arbitrary: fc.jsonValue({maxDepth: 3})},
  {weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, -0, 5e-324, [], {}, [null], {'': null}, deepArray, deepObject, Array.from({length: 10_000}, () => 1))},
  {weight: 2, arbitrary: strangeText},
);

/** Values that follow `schema` (in `components` for $ref), or with `mutate`, sometimes anything at all in any field. */
export function jsonSchemaValue(schema: JsonSchema, components: Record<string, JsonSchema>, options: {mutate?: boolean} = {}): fc.Arbitrary<unknown> {
  return valueOf(schema, components, options.mutate === true, 0);
}

function valueOf(schema: JsonSchema, components: Record<string, JsonSchema>, mutate: boolean, depth: number): fc.Arbitrary<unknown> {
  const plausible = depth > MAX_DEPTH ? fc.constant(null) : plausibleValue(schema, components, mutate, depth);
  return mutate ? fc.oneof({weight: 5, arbitrary: plausible}, {weight: 1, arbitrary: strangeJson}) : plausible;
}

function plausibleValue(schema: JsonSchema, components: Record<string, JsonSchema>, mutate: boolean, depth: number): fc.Arbitrary<unknown> {
  const next = (inner: JsonSchema) => valueOf(inner, components, mutate, depth + 1);
  if (schema.$ref) return plausibleValue(components[schema.$ref.split('/').pop() as string] ?? {}, components, mutate, depth);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((choice) => plausibleValue(choice, components, mutate, depth)));
  if (schema.allOf?.[0]) return plausibleValue(schema.allOf[0], components, mutate, depth);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringOf(schema);
    case 'integer':
      return fc.integer({min: Math.max(schema.minimum ?? -1_000, Number.MIN_SAFE_INTEGER), max: Math.min(schema.maximum ?? 1_000_000, 2 ** 31 - 1)});
    case 'number':
      return fc.double({min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true});
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      return fc.array(schema.items ? next(schema.items) : strangeJson, {minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3))});
    }
    case 'object': {
      if (!schema.properties) return fc.dictionary(fc.string({maxLength: 10}), fc.jsonValue({maxDepth: 1}), {maxKeys: 3});
      const fields = Object.fromEntries(Object.entries(schema.properties).map(([name, property]) => [name, next(property)]));
      const record = fc.record(fields, {requiredKeys: schema.required ?? []});
      // A misspelt or unknown field now and then, which the bridge must name.
      return mutate ? fc.tuple(record, fc.option(fc.constantFrom('colour', 'holder', 'Title', '__proto__'), {freq: 5})).map(([value, extra]) => (extra ? {...value, [extra]: 'x'} : value)) : record;
    }
    default:
      return strangeJson;
  }
}

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'date':
      return fc.date({min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true}).map((date) => date.toISOString().slice(0, 10));
    case 'date-time':
      return fc.date({min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true}).map((date) => date.toISOString());
    case 'uri':
      return fc.webUrl();
    case 'email':
      return fc.emailAddress();
  }
  if (schema.pattern) {
    // fast-check builds a negated class ([^,], \S) by testing each character
    // it draws against every range of the class: that was most of the fuzz
    // test's time. Text kept only when it matches is as good and cheap.
    if (/\[\^|\\[SWD]/.test(schema.pattern)) {
      const pattern = new RegExp(schema.pattern);
      const minLength = schema.minLength ?? 0;
      return fc.string({unit: 'grapheme', minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 40, 40))}).filter((text) => pattern.test(text));
    }
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((text) => text.length <= (schema.maxLength ?? Infinity));
    } catch {
      // A pattern fast-check cannot generate from: any text (the bridge then answers 400).
    }
  }
  const minLength = schema.minLength ?? 0;
  return fc.string({unit: 'grapheme', minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 40, 40))});
}
