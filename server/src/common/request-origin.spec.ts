import { isOwnOriginRequest, publicOriginOf } from './request-origin';

describe(isOwnOriginRequest.name, () => {
  const host = { host: 'localhost:3000' };

  it('accepts a request naming neither Origin nor Sec-Fetch-Site (not a browser)', () => {
    expect(isOwnOriginRequest(host, undefined)).toBe(true);
  });

  it('without PUBLIC_URL, compares the Origin’s host with the Host the request was sent to', () => {
    expect(isOwnOriginRequest({ ...host, origin: 'http://localhost:3000' }, undefined)).toBe(true);
    expect(isOwnOriginRequest({ ...host, origin: 'https://localhost:3000' }, undefined)).toBe(true);
    expect(isOwnOriginRequest({ ...host, origin: 'http://localhost:5173' }, undefined)).toBe(false);
    expect(isOwnOriginRequest({ ...host, origin: 'null' }, undefined)).toBe(false);
    expect(isOwnOriginRequest({ origin: 'http://localhost:3000' }, undefined)).toBe(false);
  });

  it('with PUBLIC_URL, requires exactly its origin whatever the Host', () => {
    const publicOrigin = publicOriginOf('https://Coupole.example.be/app');

    expect(isOwnOriginRequest({ host: 'internal:3000', origin: 'https://coupole.example.be' }, publicOrigin)).toBe(true);
    expect(isOwnOriginRequest({ host: 'coupole.example.be', origin: 'http://coupole.example.be' }, publicOrigin)).toBe(false);
  });

  it('refuses what the browser marks same-site or cross-site, even with a matching Origin', () => {
    expect(isOwnOriginRequest({ ...host, 'sec-fetch-site': 'same-origin' }, undefined)).toBe(true);
    expect(isOwnOriginRequest({ ...host, 'sec-fetch-site': 'none' }, undefined)).toBe(true);
    expect(isOwnOriginRequest({ ...host, origin: 'http://localhost:3000', 'sec-fetch-site': 'same-site' }, undefined)).toBe(false);
    expect(isOwnOriginRequest({ ...host, 'sec-fetch-site': 'cross-site' }, undefined)).toBe(false);
  });
});
