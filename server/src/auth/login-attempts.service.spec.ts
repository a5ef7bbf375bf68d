import { loginDelaySeconds, LoginAttemptsService } from './login-attempts.service';

describe(loginDelaySeconds.name, () => {
  const policy = LoginAttemptsService.POLICY;

  it('lets the first failures through without delay', () => {
    for (let failures = 0; failures <= policy.freeFailures; failures++) expect(loginDelaySeconds(failures, policy)).toBe(0);
  });

  it('doubles the delay after each further failure, up to the cap, never a lockout', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 20, 1_000].map((extra) => loginDelaySeconds(policy.freeFailures + extra, policy));

    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });
});
