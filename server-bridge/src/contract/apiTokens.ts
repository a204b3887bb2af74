import * as z from 'zod';
import {channelId, opaqueId, userId, utcInstant} from './fields';
import {mustBe, strictRequest} from './messages';

// API tokens for business systems (`/api/v1/admin/tokens`, system admins
// only). A token is `baton_<id>_<secret>`: the prefix lets secret scanners
// find leaked ones, the id finds its row, and only the secret's SHA-256 is
// stored. The token is in the answer to its creation and nowhere else.

export const API_TOKEN_SCOPES = ['tasks:read', 'tasks:write', 'workflows:start', 'workflows:advance'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

const scopeRule = mustBe(`one of ${API_TOKEN_SCOPES.join(', ')}`);
export const apiTokenScope = z.enum(API_TOKEN_SCOPES, scopeRule);

const nameRule = mustBe('1–100 characters (leading and trailing spaces are removed)');
export const apiTokenName = z.string(nameRule).trim().min(1, nameRule).max(100, nameRule);

/** `baton_` + 16 hex digits (the token id) + `_` + 43 base64url characters (the secret). */
export const API_TOKEN_PATTERN = /^baton_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

const scopesRule = mustBe(`a list of 1–4 distinct scopes: ${API_TOKEN_SCOPES.join(', ')}`);
const channelsRule = mustBe('a list of 1–100 distinct Mattermost channel ids, or null for every channel');

export const apiTokenCreateSchema = strictRequest({
  name: apiTokenName.meta({description: 'What the token is for, e.g. "billing system"; unique among tokens not revoked.'}),
  scopes: z
    .array(apiTokenScope, scopesRule)
    .min(1, scopesRule)
    .max(API_TOKEN_SCOPES.length, scopesRule)
    .refine((list) => new Set(list).size === list.length, scopesRule)
    .meta({description: 'tasks:read (read and list tasks, runs and templates), tasks:write (create and change tasks), workflows:start (start runs), workflows:advance (complete a run’s step).'}),
  channelIds: z
    .array(channelId, channelsRule)
    .min(1, channelsRule)
    .max(100, channelsRule)
    .refine((list) => new Set(list).size === list.length, channelsRule)
    .nullish()
    .meta({description: 'The channels the token may see and write; omitted or null: every channel.'}),
});
export type ApiTokenCreateInput = z.input<typeof apiTokenCreateSchema>;

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(apiTokenScope),
  channelIds: z.array(z.string()).nullable().meta({description: 'Null: every channel.'}),
  createdBy: userId,
  createdAt: utcInstant,
  lastUsedAt: utcInstant.nullable(),
  revokedAt: utcInstant.nullable(),
});
export type ApiTokenView = z.infer<typeof apiTokenSchema>;

export const apiTokenCreatedSchema = apiTokenSchema.extend({
  token: z.string().regex(API_TOKEN_PATTERN).meta({description: 'Send as `Authorization: Bearer <token>`. Shown only in this answer: keep it now, it cannot be read again.'}),
});

export const apiTokenListSchema = z.object({items: z.array(apiTokenSchema)});

export const apiTokenParams = z.object({tokenId: opaqueId});
