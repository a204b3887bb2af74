import {createIntl} from 'react-intl';

import en from '../i18n/en.json';
import ja from '../i18n/ja.json';
import {SessionError} from '../session/sessionError';

import {BridgeError, BridgeNetworkError, BridgeResponseError} from './bridgeErrors';
import {bridgeErrorText, describeBridgeError} from './errorText';

const japanese = createIntl({locale: 'ja', messages: ja});
const english = createIntl({locale: 'en', messages: en});

function bridgeError(status: number, id: string | null, message: string, details: Record<string, unknown> = {}) {
  return new BridgeError({status, id, message, field: null, details, requestId: 'req-1'});
}

describe('describeBridgeError', () => {
  it('words the bridge’s common refusals in the reader’s language, not the bridge’s English', () => {
    expect(describeBridgeError(bridgeError(409, 'baton.conflict.version', 'Task PAT-9 was changed by someone else (now version 4).'), japanese)).toBe(ja['baton.error.conflict.version']);
    expect(describeBridgeError(bridgeError(404, 'baton.not_found.task', 'No task PAT-9 that you can see.'), japanese)).toBe('このタスクは見つからないか、閲覧できません。');
    expect(describeBridgeError(bridgeError(403, 'baton.forbidden.edit', 'Guests can edit only tasks they created.'), japanese)).toBe(ja['baton.error.forbidden.edit']);
    expect(describeBridgeError(bridgeError(503, 'baton.not_ready', 'The bridge is not ready: starting up'), english)).toBe(en['baton.error.not_ready']);
  });

  it('fills in what the error’s details carry: the wait of a rate limit, the broken rules of a 400', () => {
    expect(describeBridgeError(bridgeError(429, 'baton.rate_limited', 'Too many requests', {limit: 60, retryAfterSeconds: 12}), japanese)).toBe('リクエストが多すぎます。12 秒後にもう一度お試しください。');
    const invalid = bridgeError(400, 'baton.bad_request.validation', 'title: must be 1–200 characters', {field: 'title', issues: [{field: 'title', message: 'must be 1–200 characters'}]});
    expect(describeBridgeError(invalid, japanese)).toBe('入力内容を確認してください: title: must be 1–200 characters');
  });

  it('falls back to the bridge’s own words for an id it does not know, and says "server problem" for a bare 5xx', () => {
    expect(describeBridgeError(bridgeError(409, 'baton.conflict.key_prefix', 'The key prefix PAT is used by another channel.'), japanese)).toBe('The key prefix PAT is used by another channel.');
    expect(describeBridgeError(bridgeError(502, null, '502 Bad Gateway'), english)).toBe('The Baton service had a problem (error 502). Try again in a moment.');
    expect(bridgeErrorText(bridgeError(500, 'baton.internal', 'Something went wrong'))).toEqual({id: 'baton.error.server', values: {status: 500}});
  });

  it('has its own words for an unreachable bridge, a broken answer and a missing session', () => {
    expect(describeBridgeError(new BridgeNetworkError('GET', '/api/v1/tasks'), japanese)).toBe(ja['baton.error.network']);
    expect(describeBridgeError(new BridgeResponseError('GET', '/api/v1/tasks', [{field: 'items', message: 'required'}]), english)).toBe(en['baton.error.response']);
    expect(describeBridgeError(new SessionError('network'), english)).toBe(en['baton.error.session']);
    expect(describeBridgeError(new Error('boom'), english)).toBe('boom');
  });
});
