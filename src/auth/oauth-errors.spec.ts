import { ErrorCode } from '../common/errors/error-code';
import { oauthDescription, oauthErrorOf, oauthMembers } from './oauth-errors';

describe('the token endpoint as an OAuth error', () => {
  it.each([
    [ErrorCode.BadCredentials, 'invalid_client'],
    [ErrorCode.UnsupportedGrantType, 'unsupported_grant_type'],
    [ErrorCode.MissingParameter, 'invalid_request'],
    [ErrorCode.InvalidParameter, 'invalid_request'],
    [ErrorCode.ParameterTooLong, 'invalid_request'],
    [ErrorCode.MalformedJson, 'invalid_request'],
    [ErrorCode.MalformedRequest, 'invalid_request'],
    [ErrorCode.PayloadTooLarge, 'invalid_request'],
    [ErrorCode.UnsupportedMediaType, 'invalid_request'],
    [ErrorCode.TooManyRequests, undefined],
    [ErrorCode.ServiceUnavailable, undefined],
    [ErrorCode.InternalError, undefined],
  ])('%s is %s', (code, error) => {
    expect(oauthErrorOf(code)).toBe(error);
  });

  it('describes the error with the message, in the characters RFC 6749 allows', () => {
    expect(oauthMembers(ErrorCode.InvalidParameter, 'scope: the client does not hold "é\\\u0001.')).toEqual({
      error: 'invalid_request',
      error_description: 'scope: the client does not hold ????.',
    });
    expect(oauthDescription(' !#[]~')).toBe(' !#[]~');
  });

  it('adds nothing to the answers RFC 6749 does not name', () => {
    expect(oauthMembers(ErrorCode.TooManyRequests, 'Slow down.')).toBeUndefined();
  });
});
