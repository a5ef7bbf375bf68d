import { API_ERROR_CODES } from '@coupole/shared';
import { BadRequestException, ConflictException, HttpException, NotFoundException } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import { apiError, apiErrorBody, fieldsRefused, validationException } from './api-errors';

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

  it('names the field and rule of a service’s refusal as a validation error does', () => {
    expect(
      apiErrorBody(
        fieldsRefused([
          'endDate must not be before startDate',
          'end must be after start',
          'agenda.1.documentId must name a document you can read',
          'bodyId must name an existing body',
          'federation is required when the holder belongs to no federation',
          'startDate must be a date (YYYY-MM-DD)',
          'start does not exist in Europe/Brussels (the clocks skip that hour)',
        ]),
      ),
    ).toMatchObject({
      statusCode: 400,
      code: 'validation_failed',
      message: expect.arrayContaining(['endDate must not be before startDate']),
      fields: [
        { field: 'endDate', constraints: ['notBeforeStart'] },
        { field: 'end', constraints: ['afterStart'] },
        { field: 'agenda.1.documentId', constraints: ['existing'] },
        { field: 'bodyId', constraints: ['existing'] },
        { field: 'federation', constraints: ['isNotEmpty'] },
        { field: 'startDate', constraints: ['isISO8601'] },
        { field: 'start', constraints: ['invalid'] },
      ],
    });
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
