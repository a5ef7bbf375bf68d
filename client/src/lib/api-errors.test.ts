import { ApiError, NETWORK_ERROR_STATUS } from './api-client';
import { describeApiError } from './api-errors';
import { i18n } from './i18n';

const t = i18n.t.bind(i18n);

describe('describeApiError', () => {
  it("shows the server's field messages for validation errors", () => {
    const error = new ApiError(400, ['email must be an email', 'displayName should not be empty']);
    expect(describeApiError(error, t)).toEqual(['email must be an email', 'displayName should not be empty']);
  });

  it('shows the conflict message for a 409 (e.g. e-mail address already used)', () => {
    expect(describeApiError(new ApiError(409, ['Cette adresse e-mail est déjà utilisée']), t)).toEqual([
      'Cette adresse e-mail est déjà utilisée',
    ]);
  });

  it('falls back to a French sentence when a 400 carries no message', () => {
    expect(describeApiError(new ApiError(400, []), t)).toEqual(['Certaines informations ne sont pas valides.']);
  });

  it.each([
    [NETWORK_ERROR_STATUS, 'Le serveur est injoignable'],
    [401, 'Votre session a expiré'],
    [403, 'Vous n’avez pas accès'],
    [404, 'n’existe pas'],
    [429, 'Trop de tentatives'],
    [500, 'erreur est survenue sur le serveur'],
    [503, 'erreur est survenue sur le serveur'],
  ])('words status %i in French instead of the server text', (status, expected) => {
    const [message] = describeApiError(new ApiError(status, ['ThrottlerException: Too Many Requests']), t);
    expect(message).toContain(expected);
    expect(message).not.toContain('Throttler');
  });

  it('covers errors that are not from the API', () => {
    expect(describeApiError(new Error('boom'), t)).toEqual(['Une erreur inattendue est survenue.']);
  });
});
