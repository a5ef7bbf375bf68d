import { contentSecurityPolicy } from './app';

describe(contentSecurityPolicy.name, () => {
  it('keeps scripts to this origin and lets socket.io connect back to it', () => {
    const sut = contentSecurityPolicy('https://coupole.example.be').directives;

    expect(sut.scriptSrc).toEqual(["'self'"]);
    expect(sut.connectSrc).toEqual(["'self'", 'wss://coupole.example.be']);
    expect(sut.upgradeInsecureRequests).toEqual([]);
  });

  it('does not force https on a plain-http deployment', () => {
    const sut = contentSecurityPolicy('http://localhost:3000').directives;

    expect(sut.connectSrc).toEqual(["'self'", 'ws://localhost:3000']);
    expect(sut.upgradeInsecureRequests).toBeNull();
    expect(contentSecurityPolicy(undefined).directives.connectSrc).toEqual(["'self'"]);
  });
});
