import type {TokenVerification} from '../domain/tokens/apiTokenService';
import type {SessionVerification} from './bridgeSession';
import type {VerifyBearerToken} from './requireCaller';

// One bearer header, two kinds of caller: a business system's API token
// (`baton_<id>_<secret>`, never a JWT) or a webapp session (a JWT, which
// never starts with `baton_`). Tokens are recognised by their shape, so a
// session is never looked up in the token table or the other way round.

export function verifyBearer(verifiers: {session(token: string): Promise<SessionVerification>; apiToken(token: string): Promise<TokenVerification>}): VerifyBearerToken {
  return (token) => (token.startsWith('baton_') ? verifiers.apiToken(token) : verifiers.session(token));
}
