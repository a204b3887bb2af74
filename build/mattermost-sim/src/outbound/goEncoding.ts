// Byte-for-byte what Go's standard library puts on the wire, so an
// integration sees the same request from the simulator as from Mattermost.

const FORM_UNRESERVED = /[A-Za-z0-9\-_.~]/;

/** net/url QueryEscape: unreserved bytes kept, space as `+`, everything else %XX (upper case). */
function goQueryEscape(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    if (byte < 0x80 && FORM_UNRESERVED.test(char)) out += char;
    else if (char === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * url.Values.Encode: keys sorted, each key's values in insertion order. This
 * is how app/command.go builds the body (and query, for GET commands).
 */
export function encodeFormValues(values: ReadonlyMap<string, readonly string[]>): string {
  const parts: string[] = [];
  for (const key of [...values.keys()].sort()) {
    for (const value of values.get(key) ?? []) parts.push(`${goQueryEscape(key)}=${goQueryEscape(value)}`);
  }
  return parts.join('&');
}

/**
 * Go marshals map[string]any with its keys sorted, recursively; structs keep
 * field order (the caller builds those objects in Go's field order).
 */
export function sortMapKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortMapKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortMapKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

/** encoding/json Marshal escapes <, >, & and U+2028/U+2029 inside strings (HTML-safe output). */
export function marshalGoJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * fmt's %v of a float64 (strconv 'g' with the shortest precision): exponent
 * form when the exponent is < -4 or >= 6, so 1000000 prints as `1e+06`.
 */
export function goFormatFloat(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa = '0', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return value.toString();
}

/** fmt.Sprintf("%v", v) for a value decoded by encoding/json into `any`. */
export function goFormatValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return goFormatFloat(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(goFormatValue).join(' ')}]`;
  const record = value as Record<string, unknown>;
  return `map[${Object.keys(record)
    .sort()
    .map((key) => `${key}:${goFormatValue(record[key])}`)
    .join(' ')}]`;
}
