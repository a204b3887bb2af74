import type {AppError} from '../errors';
import {catalogs, type MessageId, type Translate} from './translate';

// A refusal as the caller reads it. AppError messages are English (like the
// REST API's); in a reply they are looked up by the error's stable id:
// `baton.not_found.task` → the catalog's `error.not_found.task`. Ids without a
// catalog entry keep the English message, and so does an entry whose
// placeholders this reply cannot fill.

export function errorText(error: AppError, t: Translate, values: Record<string, string | number> = {}): string {
  const id = `error.${error.id.replace(/^baton\./, '')}`;
  if (!(id in catalogs.en)) return error.message;
  const details = Object.fromEntries(Object.entries(error.details).filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number'));
  const text = t(id as MessageId, {...details, ...values});
  return /\{\w+\}/.test(text) ? error.message : text;
}
