import type { LoginResponse } from '@coupole/shared';
import type { TestApp } from './test-app';

/** The demo accounts (SEED_DEMO), by the short name the specs give them. */
export const DEMO_EMAILS = {
  admin: 'admin@demo.coupole.be',
  secretariat: 'secretariat@demo.coupole.be',
  aleap: 'aleap@demo.coupole.be',
  caips: 'caips@demo.coupole.be',
  caipsSubstitute: 'caips-suppleant@demo.coupole.be',
  codef: 'codef@demo.coupole.be',
  fdss: 'fdss@demo.coupole.be',
  risome: 'risome@demo.coupole.be',
  observer: 'observateur@demo.coupole.be',
} as const;
export type DemoAccount = keyof typeof DEMO_EMAILS;

/** One representative of each federation. */
export const FIVE: DemoAccount[] = ['aleap', 'caips', 'codef', 'fdss', 'risome'];

/**
 * Demo accounts signed in once (`signIn` in the spec's beforeAll, after the app has started) and
 * requests made as one of them. `app` is read at each request: specs assign it in beforeAll.
 */
export function demoSessions(app: () => TestApp) {
  const tokens = {} as Record<DemoAccount, string>;
  const as = (who: DemoAccount) => {
    const auth = () => ({ Authorization: `Bearer ${tokens[who]}` });
    return {
      get: (path: string) => app().http().get(path).set(auth()),
      post: (path: string, body: object = {}) => app().http().post(path).set(auth()).send(body),
      put: (path: string, body: object = {}) => app().http().put(path).set(auth()).send(body),
      patch: (path: string, body: object = {}) => app().http().patch(path).set(auth()).send(body),
      upload: (path: string, name: string, content: Buffer | string) => app().http().post(path).set(auth()).attach('file', Buffer.from(content), name),
    };
  };
  const signIn = async (accounts: readonly DemoAccount[]) => {
    for (const who of accounts) tokens[who] = (await app().login(DEMO_EMAILS[who])).accessToken;
  };
  return { tokens, as, signIn };
}

/** Signs the demo accounts in, one after the other, and answers their sessions by short name. */
export async function demoLogins<A extends DemoAccount>(app: TestApp, accounts: readonly A[]): Promise<Record<A, LoginResponse>> {
  const sessions = {} as Record<A, LoginResponse>;
  for (const who of accounts) sessions[who] = await app.login(DEMO_EMAILS[who]);
  return sessions;
}

/** Every representative and the secretariat, sorted: those a document's news goes to. */
export const DEMO_MEMBER_EMAILS = [
  'aleap@demo.coupole.be',
  'caips-suppleant@demo.coupole.be',
  'caips@demo.coupole.be',
  'codef@demo.coupole.be',
  'fdss@demo.coupole.be',
  'risome@demo.coupole.be',
  'secretariat@demo.coupole.be',
];
