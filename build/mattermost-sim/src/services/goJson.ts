import {z} from 'zod';
import {MmError} from '../errors';

// Zod schemas that accept exactly what Go's encoding/json accepts when it
// decodes into a struct: `null` leaves the zero value, a wrong JSON type is an
// error, unknown keys are ignored. Request bodies and integration responses
// are parsed with these, so the simulator refuses what Mattermost refuses and
// accepts what it accepts.

export const goString = z
  .string()
  .nullish()
  .transform((value) => value ?? '');

export const goBool = z
  .boolean()
  .nullish()
  .transform((value) => value ?? false);

export const goInt = z
  .number()
  .int()
  .nullish()
  .transform((value) => value ?? 0);

/** map[string]any: an object (not an array) or null. */
export const goMap = z
  .record(z.string(), z.unknown())
  .nullish()
  .transform((value) => value ?? null);

/** map[string]string. */
export const goStringMap = z
  .record(z.string(), z.string())
  .nullish()
  .transform((value) => value ?? null);

/** A Go slice: an array or null (nil). */
export function goSlice<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((value) => value ?? null);
}

/** `any` in Go: whatever JSON value, null kept. */
export const goAny = z
  .unknown()
  .optional()
  .transform((value) => (value === undefined ? null : value));

export type GoDecodeResult<T> = {ok: true; value: T} | {ok: false; reason: string};

/**
 * json.NewDecoder(r.Body).Decode(&v): an empty body is an error (EOF), the
 * literal `null` leaves every field at its zero value.
 */
export function decodeGoBody<T extends z.ZodType>(schema: T, body: unknown): GoDecodeResult<z.output<T>> {
  if (body === undefined) return {ok: false, reason: 'EOF'};
  const parsed = schema.safeParse(body === null ? {} : body);
  if (parsed.success) return {ok: true, value: parsed.data};
  const issue = parsed.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  return {ok: false, reason: path ? `json: cannot unmarshal ${path}: ${issue?.message ?? ''}` : `json: ${issue?.message ?? 'invalid value'}`};
}

/**
 * c.SetInvalidParamWithErr(name, err) in api4: Mattermost names the whole
 * parameter (`command`, `dialog`, ...), not the field; the failing field is
 * in detailed_error, as Mattermost shows with EnableDeveloper.
 */
export function decodeGoBodyOrThrow<T extends z.ZodType>(schema: T, body: unknown, paramName: string): z.output<T> {
  const decoded = decodeGoBody(schema, body);
  if (decoded.ok) return decoded.value;
  throw new MmError(400, 'api.context.invalid_body_param.app_error', `Invalid or missing ${paramName} in request body.`, decoded.reason);
}
