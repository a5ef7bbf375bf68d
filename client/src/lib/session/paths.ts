export const LOGIN_PATH = '/connexion';
export const CHANGE_PASSWORD_PATH = '/mot-de-passe';

export function loginPathFor(returnTo: string): string {
  return `${LOGIN_PATH}?suite=${encodeURIComponent(returnTo)}`;
}

/** Only same-site paths are followed after login, never an attacker-supplied absolute URL. */
export function safeReturnPath(candidate: string | null): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) {
    return '/';
  }
  if (candidate.startsWith(LOGIN_PATH)) return '/';
  return candidate;
}
