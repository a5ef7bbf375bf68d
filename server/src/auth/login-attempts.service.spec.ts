import { LoginAttemptsService } from './login-attempts.service';

describe(LoginAttemptsService.name, () => {
  let sut: LoginAttemptsService;
  const start = Date.UTC(2026, 0, 1);

  beforeEach(() => {
    sut = new LoginAttemptsService();
  });

  it('locks an account at the fifth failure within the window', () => {
    for (let failure = 0; failure < 4; failure++) sut.recordFailure('a@b.be', start + failure * 1000);
    expect(sut.isLocked('a@b.be', start + 5000)).toBe(false);

    sut.recordFailure('a@b.be', start + 5000);

    expect(sut.isLocked('a@b.be', start + 6000)).toBe(true);
    expect(sut.isLocked('other@b.be', start + 6000)).toBe(false);
  });

  it('unlocks once the failures are older than 15 minutes', () => {
    for (let failure = 0; failure < 5; failure++) sut.recordFailure('a@b.be', start);

    expect(sut.isLocked('a@b.be', start + LoginAttemptsService.WINDOW_MS - 1)).toBe(true);
    expect(sut.isLocked('a@b.be', start + LoginAttemptsService.WINDOW_MS)).toBe(false);
  });

  it('forgets the failures after a successful login', () => {
    for (let failure = 0; failure < 4; failure++) sut.recordFailure('a@b.be', start);
    sut.reset('a@b.be');
    sut.recordFailure('a@b.be', start);

    expect(sut.isLocked('a@b.be', start)).toBe(false);
  });
});
