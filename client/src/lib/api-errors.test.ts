import { ApiError, NETWORK_ERROR_STATUS, toApiError } from './api/api-error';
import { describeApiError, fieldErrorLines } from './api-errors';
import { i18n } from './i18n';

const t = i18n.t.bind(i18n);

describe('describeApiError', () => {
  it('shows French from the catalogue for the code, never the server’s English', () => {
    const error = toApiError(409, {
      statusCode: 409,
      message: ['email is already used by another account'],
      error: 'Conflict',
      code: 'email_taken',
    });
    expect(describeApiError(error, t)).toEqual(['Cette adresse e-mail est déjà utilisée par un autre compte.']);
    expect(describeApiError(toApiError(409, { message: 'This round is closed', code: 'round_closed' }), t)).toEqual([
      'Ce tour de consensus est clôturé.',
    ]);
  });

  it('names each refused field in French for validation errors', () => {
    const error = toApiError(400, {
      statusCode: 400,
      message: ['email must be an email', 'displayName should not be empty'],
      error: 'Bad Request',
      code: 'validation_failed',
      fields: [
        { field: 'email', constraints: ['isEmail'] },
        { field: 'displayName', constraints: ['isNotEmpty', 'maxLength'] },
        { field: 'anchor.quote', constraints: ['someCustomRule'] },
      ],
    });
    expect(describeApiError(error, t)).toEqual([
      'Adresse e-mail : adresse e-mail non valide.',
      'Nom : ce champ est obligatoire.',
      'Citation : valeur non valide.',
    ]);
  });

  it('falls back to a French sentence by status when the answer has no code', () => {
    expect(describeApiError(new ApiError(400, ['email must be an email']), t)).toEqual([
      'Certaines informations ne sont pas valides.',
    ]);
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

describe('fieldErrorLines', () => {
  const refusal = toApiError(400, {
    statusCode: 400,
    message: ['endDate must not be before startDate', 'agenda.1.documentId must name a document you can read', 'note must be a string'],
    error: 'Bad Request',
    code: 'validation_failed',
    fields: [
      { field: 'endDate', constraints: ['notBeforeStart'] },
      { field: 'agenda.1.documentId', constraints: ['existing'] },
      { field: 'note', constraints: ['isString'] },
    ],
  });

  it('puts the French line of each field the form shows beside it, the others above the buttons', () => {
    expect(fieldErrorLines(refusal, t, ['startDate', 'endDate', 'agenda.1.documentId'])).toEqual({
      byField: {
        endDate: 'Date de fin : ne peut pas précéder la date de début.',
        'agenda.1.documentId': 'Document : choisissez un élément existant.',
      },
      others: ['Note : un texte est attendu.'],
    });
  });

  it('still announces a refusal whose every field is shown, with the general sentence', () => {
    expect(fieldErrorLines(refusal, t, ['endDate', 'agenda.1.documentId', 'note']).others).toEqual(['Certaines informations ne sont pas valides.']);
  });

  it('puts a refusal by code beside the one field it concerns, when the form says which', () => {
    const taken = toApiError(409, { message: 'A body named "CESE Wallonie" already exists', code: 'body_name_taken' });
    expect(fieldErrorLines(taken, t, ['name'], { body_name_taken: 'name' })).toEqual({
      byField: { name: 'Une instance porte déjà ce nom.' },
      others: ['Certaines informations ne sont pas valides.'],
    });
  });

  it('leaves a refusal that names no field, and no error, as describeApiError does', () => {
    const conflict = toApiError(409, { message: 'in use', code: 'body_in_use' });
    expect(fieldErrorLines(conflict, t, ['name'])).toEqual({ byField: {}, others: describeApiError(conflict, t) });
    expect(fieldErrorLines(null, t, ['name'])).toEqual({ byField: {}, others: [] });
  });
});
