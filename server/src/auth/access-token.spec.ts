import type { Request } from 'express';
import { ACCESS_TOKEN_COOKIE, accessTokenFromHandshake, accessTokenFromRequest } from './access-token';

describe(accessTokenFromRequest.name, () => {
  const request = (headers: Record<string, string>, cookies: Record<string, string> = {}) => ({ headers, cookies }) as unknown as Request;

  it('reads a bearer token, whatever the scheme case', () => {
    expect(accessTokenFromRequest(request({ authorization: 'bearer abc.def' }))).toBe('abc.def');
  });

  it('falls back to the session cookie', () => {
    expect(accessTokenFromRequest(request({}, { [ACCESS_TOKEN_COOKIE]: 'from-cookie' }))).toBe('from-cookie');
  });

  it('prefers the Authorization header over the cookie', () => {
    expect(accessTokenFromRequest(request({ authorization: 'Bearer header' }, { [ACCESS_TOKEN_COOKIE]: 'cookie' }))).toBe('header');
  });

  it('ignores other schemes', () => {
    expect(accessTokenFromRequest(request({ authorization: 'Basic dXNlcjpwYXNz' }))).toBeUndefined();
  });
});

describe(accessTokenFromHandshake.name, () => {
  it('reads auth.token first', () => {
    expect(accessTokenFromHandshake({ auth: { token: 'from-auth' }, headers: { authorization: 'Bearer header' } })).toBe('from-auth');
  });

  it('then the Authorization header', () => {
    expect(accessTokenFromHandshake({ auth: {}, headers: { authorization: 'Bearer header' } })).toBe('header');
  });

  it('then the session cookie among others', () => {
    const cookie = `theme=dark; ${ACCESS_TOKEN_COOKIE}=a%2Eb; other=1`;
    expect(accessTokenFromHandshake({ headers: { cookie } })).toBe('a.b');
  });

  it('finds nothing in an anonymous handshake', () => {
    expect(accessTokenFromHandshake({ auth: { token: '' }, headers: { cookie: 'theme=dark' } })).toBeUndefined();
  });
});
