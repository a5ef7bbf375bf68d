import { API_ERROR_CODES } from '@coupole/shared';
import { BadRequestException, ConflictException, HttpException, NotFoundException } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import { apiError, apiErrorBody, validationException } from './api-errors';

describe('API error bodies', () => {
  it('keeps the code a service chose, beside NestJS’s statusCode, message and error', () => {
    expect(apiErrorBody(new ConflictException(apiError('round_closed', 'This round is closed')))).toEqual({
      statusCode: 409,
      message: 'This round is closed',
      error: 'Conflict',
      code: 'round_closed',
    });
  });

  it('gives a refusal without a code the generic code of its status', () => {
    expect(apiErrorBody(new NotFoundException('Round not found'))).toEqual({
      statusCode: 404,
      message: 'Round not found',
      error: 'Not Found',
      code: 'not_found',
    });
    expect(apiErrorBody(new HttpException('Teapot', 418)).code).toBe('bad_request');
    expect(apiErrorBody(new HttpException('Down', 502)).code).toBe('internal_error');
  });

  it('names every refused field and rule of a validation error, nested ones by their path', () => {
    const email = Object.assign(new ValidationError(), {
      property: 'email',
      constraints: { isEmail: 'email must be an email' },
      children: [],
    });
    const quote = Object.assign(new ValidationError(), {
      property: 'quote',
      constraints: { maxLength: 'quote must be shorter than or equal to 500 characters' },
      children: [],
    });
    const anchor = Object.assign(new ValidationError(), { property: 'anchor', children: [quote] });
    const body = apiErrorBody(validationException([email, anchor]));
    expect(body).toEqual({
      statusCode: 400,
      message: ['email must be an email', 'anchor.quote must be shorter than or equal to 500 characters'],
      error: 'Bad Request',
      code: 'validation_failed',
      fields: [
        { field: 'email', constraints: ['isEmail'] },
        { field: 'anchor.quote', constraints: ['maxLength'] },
      ],
    });
  });

  it('never passes on a code that is not in the shared list', () => {
    const body = apiErrorBody(new BadRequestException({ message: 'x', code: 'made_up' }));
    expect(API_ERROR_CODES).toContain(body.code);
    expect(body.code).toBe('bad_request');
  });
});
