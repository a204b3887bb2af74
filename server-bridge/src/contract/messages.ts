import * as z from 'zod';

// Every rule of the contract carries a message for people that says what is
// allowed, so a 400 reads "title: must be 1–200 characters", not zod's
// "Too big: expected string to have <=200 characters". The messages are
// English, like Mattermost's API; the UI translates what it shows.

type ErrorOption = {error: z.core.$ZodErrorMap};

/**
 * The `error` option for one field: "must be <what is allowed>", or "is
 * required (<what is allowed>)" when the field is missing. Pass the same
 * option to the type and to each check so every failure says the same thing.
 */
export function mustBe(allowed: string): ErrorOption {
  return {error: (issue) => (issue.input === undefined ? `is required (${allowed})` : `must be ${allowed}`)};
}

/** Fields a client might expect here that are changed elsewhere, each with where to go instead. */
type ElsewhereFields<Keys extends string> = Record<Keys, string>;

/**
 * A request object that rejects unknown fields, naming each one and listing
 * the fields that are known: a typo such as `dueDate` must not be silently
 * dropped. Fields listed in `elsewhere` are refused with their own message
 * (e.g. "change the holder with POST …/handoff").
 */
export function strictRequest<Shape extends z.core.$ZodLooseShape, Elsewhere extends string = never>(
  shape: Shape,
  elsewhere?: ElsewhereFields<Elsewhere>,
) {
  const known = Object.keys(shape).join(', ');
  const refused = Object.fromEntries(
    Object.entries<string>(elsewhere ?? {}).map(([key, message]) => [key, z.never({error: message}).optional().meta({description: `Not accepted here: ${message}`})]),
  ) as Record<Elsewhere, z.ZodOptional<z.ZodNever>>;
  return z.strictObject(
    {...shape, ...refused},
    {
      error: (issue) => {
        if (issue.code === 'unrecognized_keys') return `is not a known field (known fields: ${known})`;
        return issue.input === undefined ? 'is required (a JSON object)' : 'must be a JSON object';
      },
    },
  );
}
