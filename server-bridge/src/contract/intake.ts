import * as z from 'zod';
import {channelId, DESCRIPTION_MAX, opaqueId, title, userId, utcInstant} from './fields';
import {mustBe, strictRequest} from './messages';

// Web intake: a channel's public form endpoint (`POST /intake/{token}`) and
// its management by channel admins (`/api/v1/channels/{channelId}/intakes`).
// The token in the URL is 32 random bytes (256 bits), base64url; only its
// SHA-256 is kept, so the URL is in the answer to its creation and nowhere
// else.

/** 43 base64url characters: 32 random bytes. */
export const INTAKE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const INTAKE_SECRET_HEADER = 'x-baton-intake-secret';

const nameRule = mustBe('1–100 characters (leading and trailing spaces are removed)');
const honeypotRule = mustBe('a form field name: 1–50 letters, digits, _ or -, not name, email, subject or body');
const SUBMISSION_FIELDS = ['name', 'email', 'subject', 'body'] as const;

export const intakeCreateSchema = strictRequest({
  name: z.string(nameRule).trim().min(1, nameRule).max(100, nameRule).meta({description: 'What the form is for, e.g. "Website contact form".'}),
  sharedSecret: z
    .boolean(mustBe('true or false'))
    .optional()
    .meta({description: 'Also require a secret in the X-Baton-Intake-Secret header (for a form your own server submits). The secret is in this answer only. Default false.'}),
  honeypotField: z
    .string(honeypotRule)
    .regex(/^[A-Za-z0-9_-]{1,50}$/, honeypotRule)
    .refine((field) => !(SUBMISSION_FIELDS as readonly string[]).includes(field), honeypotRule)
    .nullish()
    .meta({description: 'A form field people never see (hidden by the form’s CSS): a submission that fills it is answered like any other but creates nothing, and is counted as spam.'}),
});
export type IntakeCreateInput = z.infer<typeof intakeCreateSchema>;

export const intakeParams = z.object({channelId, intakeId: opaqueId});

export const intakeSchema = z.object({
  id: z.string(),
  channelId,
  name: z.string(),
  sharedSecret: z.boolean().meta({description: 'Whether submissions must carry the X-Baton-Intake-Secret header.'}),
  honeypotField: z.string().nullable(),
  createdBy: userId,
  createdAt: utcInstant,
  revokedAt: utcInstant.nullable(),
  submissions: z.int().min(0).meta({description: 'Tasks created through it.'}),
  spamCaught: z.int().min(0).meta({description: 'Submissions that filled the honeypot field (answered, nothing created).'}),
  lastSubmissionAt: utcInstant.nullable(),
});
export type IntakeView = z.infer<typeof intakeSchema>;

export const intakeCreatedSchema = intakeSchema.extend({
  path: z.string().meta({description: 'The form’s address on the bridge: `/intake/<token>`. Shown only in this answer.'}),
  secret: z.string().nullable().meta({description: 'The value of the X-Baton-Intake-Secret header, when sharedSecret was asked for; shown only in this answer.'}),
});

export const intakeListSchema = z.object({items: z.array(intakeSchema)});

const EXTRA_FIELDS_MAX = 20;
const EXTRA_VALUE_MAX = 1000;
const emailRule = mustBe('an email address, at most 254 characters');
const contactNameRule = mustBe('1–100 characters');
const bodyRule = mustBe(`at most ${DESCRIPTION_MAX / 2} characters`);
const extraRule = mustBe(`text of at most ${EXTRA_VALUE_MAX} characters (at most ${EXTRA_FIELDS_MAX} extra fields, names of at most 50 letters, digits, _ or -)`);

/** A web form's submission, JSON or form-encoded: the known fields, and any others kept in the task description as a list. */
export const intakeSubmissionSchema = z
  .object({
    name: z.string(contactNameRule).trim().min(1, contactNameRule).max(100, contactNameRule),
    email: z.email(emailRule).max(254, emailRule),
    subject: title,
    body: z.string(bodyRule).max(DESCRIPTION_MAX / 2, bodyRule).optional(),
  })
  .catchall(z.string(extraRule).max(EXTRA_VALUE_MAX, extraRule))
  .superRefine((submission, context) => {
    const extras = Object.keys(submission).filter((key) => !(SUBMISSION_FIELDS as readonly string[]).includes(key));
    if (extras.length > EXTRA_FIELDS_MAX) context.addIssue({code: 'custom', path: [extras[EXTRA_FIELDS_MAX] ?? 'body'], message: `is one field too many (at most ${EXTRA_FIELDS_MAX} fields besides name, email, subject and body)`});
    for (const key of extras) if (!/^[A-Za-z0-9_-]{1,50}$/.test(key)) context.addIssue({code: 'custom', path: [key], message: 'is not a usable field name (1–50 letters, digits, _ or -)'});
  });
export type IntakeSubmission = z.infer<typeof intakeSubmissionSchema>;
