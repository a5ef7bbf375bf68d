import { loginPathFor, safeReturnPath } from './paths';

describe('safeReturnPath', () => {
  it('returns to a page of the site after login', () => {
    expect(safeReturnPath('/administration')).toBe('/administration');
    expect(safeReturnPath('/federations?vue=liste')).toBe('/federations?vue=liste');
  });

  it.each(['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)', ''])(
    'refuses %p, which would leave the site',
    (candidate) => {
      expect(safeReturnPath(candidate)).toBe('/');
    },
  );

  it('does not loop back to the login page', () => {
    expect(safeReturnPath('/connexion?suite=/x')).toBe('/');
    expect(safeReturnPath(null)).toBe('/');
  });

  it('round-trips through the login URL', () => {
    const url = new URL(loginPathFor('/federations?a=1&b=2'), 'http://localhost');
    expect(url.pathname).toBe('/connexion');
    expect(safeReturnPath(url.searchParams.get('suite'))).toBe('/federations?a=1&b=2');
  });
});
