import { ApiError, toApiError } from './api-error';

describe('toApiError', () => {
  it('keeps a single NestJS message as a one-item list, with the code', () => {
    const error = toApiError(401, {
      statusCode: 401,
      message: 'Invalid email or password',
      error: 'Unauthorized',
      code: 'invalid_credentials',
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(401);
    expect(error.messages).toEqual(['Invalid email or password']);
    expect(error.error).toBe('Unauthorized');
    expect(error.code).toBe('invalid_credentials');
    expect(error.message).toBe('Invalid email or password');
  });

  it('keeps every validation message and field of a 400', () => {
    const error = toApiError(400, {
      statusCode: 400,
      message: ['email must be an email'],
      error: 'Bad Request',
      code: 'validation_failed',
      fields: [{ field: 'email', constraints: ['isEmail'] }, { nonsense: true }],
    });
    expect(error.messages).toEqual(['email must be an email']);
    expect(error.fields).toEqual([{ field: 'email', constraints: ['isEmail'] }]);
  });

  it('ignores a code it does not know', () => {
    expect(toApiError(400, { message: 'x', code: 'made_up' }).code).toBeNull();
  });

  it('tolerates bodies that are not NestJS errors (proxy pages, empty bodies)', () => {
    expect(toApiError(502, undefined).messages).toEqual([]);
    expect(toApiError(502, '<html>Bad gateway</html>').messages).toEqual([]);
    expect(toApiError(500, { statusCode: 500 }).messages).toEqual([]);
    expect(toApiError(502, undefined).message).toBe('HTTP 502');
  });

  it('drops blank and non-string entries from message lists', () => {
    expect(toApiError(400, { message: ['', 'title should not be empty', 42] }).messages).toEqual([
      'title should not be empty',
    ]);
  });
});
