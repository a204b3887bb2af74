// What a failed bridge call says to the person, in their language. The
// bridge's `message` is English for logs and API users; its stable `id`
// (server-bridge/src/errors.ts) picks a catalog message here, filled from the
// error's details where it carries them (the wait of a rate limit, the
// validation issues). Ids without a message of their own fall back to the
// bridge's text, which still says what went wrong. `ErrorText` is plain data
// so a failure can sit in redux state and be worded when it is shown.
import type {IntlShape} from 'react-intl';

import {SessionError} from '../session/sessionError';

import {BridgeError, BridgeNetworkError, BridgeResponseError} from './bridgeErrors';

export type ErrorText = {id: string; values?: Record<string, string | number>} | {text: string};

// Written out as {id: '...'} so the catalog test sees every id in use.
const messagesById: Record<string, {id: string}> = {
  'baton.conflict.version': {id: 'baton.error.conflict.version'},
  'baton.conflict.step_not_current': {id: 'baton.error.conflict.step_not_current'},
  'baton.not_found': {id: 'baton.error.not_found'},
  'baton.not_found.task': {id: 'baton.error.not_found.task'},
  'baton.not_found.comment': {id: 'baton.error.not_found.comment'},
  'baton.not_ready': {id: 'baton.error.not_ready'},
  'baton.not_ready.mattermost': {id: 'baton.error.not_ready.mattermost'},
  'baton.unauthorized': {id: 'baton.error.unauthorized'},
  'baton.payload_too_large': {id: 'baton.error.payload_too_large'},
  'baton.bad_request.search_no_letters_or_digits': {id: 'baton.error.search.no_letters'},
  'baton.bad_request.search_single_characters_only': {id: 'baton.error.search.single_characters'},
  'baton.forbidden.accept': {id: 'baton.error.forbidden.accept'},
  'baton.forbidden.decline': {id: 'baton.error.forbidden.decline'},
  'baton.forbidden.handoff': {id: 'baton.error.forbidden.handoff'},
  'baton.forbidden.status': {id: 'baton.error.forbidden.status'},
  'baton.forbidden.edit': {id: 'baton.error.forbidden.edit'},
  'baton.forbidden.channel': {id: 'baton.error.forbidden.channel'},
  'baton.forbidden.guest_personal': {id: 'baton.error.forbidden.guest_personal'},
  'baton.forbidden.comment_author': {id: 'baton.error.forbidden.comment_author'},
  'baton.forbidden.deactivated': {id: 'baton.error.forbidden.deactivated'},
  'baton.forbidden.workflow_guest': {id: 'baton.error.forbidden.workflow_guest'},
  'baton.invalid.holder': {id: 'baton.error.invalid.holder'},
  'baton.invalid.parent': {id: 'baton.error.invalid.parent'},
  'baton.invalid.decline': {id: 'baton.error.invalid.decline'},
  'baton.invalid.accept_first': {id: 'baton.error.invalid.accept_first'},
};

/** The validation issues as the bridge words them (`title: must be 1–200 characters`): they name the rule. */
function issuesOf(error: BridgeError): string {
  const issues = Array.isArray(error.details.issues) ? error.details.issues as {field?: unknown; message?: unknown}[] : [];
  const lines = issues.filter((issue) => typeof issue.message === 'string').map((issue) => (typeof issue.field === 'string' && issue.field ? `${issue.field}: ${String(issue.message)}` : String(issue.message)));
  return lines.length > 0 ? lines.join('; ') : error.message;
}

function fromBridgeError(error: BridgeError): ErrorText {
  if (error.id === 'baton.rate_limited' && typeof error.details.retryAfterSeconds === 'number') {
    return {id: 'baton.error.rate_limited', values: {seconds: error.details.retryAfterSeconds}};
  }
  if (error.id === 'baton.bad_request.validation') {
    return {id: 'baton.error.invalid_input', values: {issues: issuesOf(error)}};
  }
  const message = error.id ? messagesById[error.id] : undefined;
  if (message) {
    return message;
  }
  // A 5xx without a known id (a proxy's error page, the bridge's own bug) says nothing useful in words.
  if (error.status >= 500) {
    return {id: 'baton.error.server', values: {status: error.status}};
  }
  return {text: error.message};
}

/** What to tell the person about `error`, as a catalog message or (unknown refusals) the bridge's own words. */
export function bridgeErrorText(error: unknown): ErrorText {
  if (error instanceof BridgeError) {
    return fromBridgeError(error);
  }
  if (error instanceof BridgeNetworkError) {
    return {id: 'baton.error.network'};
  }
  if (error instanceof BridgeResponseError) {
    return {id: 'baton.error.response'};
  }
  if (error instanceof SessionError) {
    return {id: 'baton.error.session'};
  }
  return {text: error instanceof Error ? error.message : String(error)};
}

export function formatErrorText(intl: Pick<IntlShape, 'formatMessage'>, text: ErrorText): string {
  return 'text' in text ? text.text : intl.formatMessage({id: text.id}, text.values);
}

/** The one way a component words a failed call: `describeBridgeError(error, intl)`. */
export function describeBridgeError(error: unknown, intl: Pick<IntlShape, 'formatMessage'>): string {
  return formatErrorText(intl, bridgeErrorText(error));
}
