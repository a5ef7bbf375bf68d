// Every refusal of the HTTP API carries one of these codes beside NestJS's
// `{ statusCode, message, error }`; `message` stays English for API users, the client shows the
// French text of its catalogue for the code. Defined once so the catalogue test can enumerate them.

/** Codes used when a refusal has no more specific one, by HTTP status. */
export const GENERIC_API_ERROR_CODES = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  500: 'internal_error',
  503: 'service_unavailable',
} as const;

export const API_ERROR_CODES = [
  ...Object.values(GENERIC_API_ERROR_CODES),
  /** Class-validator refusals: `fields` names each field and the rules it broke. */
  'validation_failed',
  // auth
  'authentication_required',
  'session_expired',
  'invalid_credentials',
  'account_disabled',
  'login_locked',
  'password_change_required',
  'role_not_allowed',
  'current_password_incorrect',
  'password_unchanged',
  // users
  'email_taken',
  'federation_required',
  'mandate_required',
  'federation_not_allowed',
  'mandate_not_allowed',
  'cannot_deactivate_self',
  'cannot_change_own_role',
  'cannot_reset_own_password',
  // documents
  'docx_required',
  'docx_invalid',
  'docx_unreadable',
  'docx_too_long',
  'file_too_large',
  'document_adopted',
  'document_read_only',
  'document_in_round',
  'observers_cannot_create',
  'observers_invalid',
  'invite_not_allowed',
  'document_archived',
  'archive_not_allowed',
  'archive_round_open',
  // comments
  'mention_unknown',
  'mention_ambiguous',
  // rounds
  'round_closed',
  'round_already_closed',
  'round_deadline_passed',
  'round_needs_drafting_document',
  'not_a_participant',
  'representatives_only',
  'objection_not_open',
  'reservation_not_open',
  'amendment_accepted',
  'concurrent_change',
  // suggestions
  'suggestion_no_change',
  'suggestion_quote_not_found',
  'suggestion_quote_ambiguous',
  'suggestion_anchor_mismatch',
  'suggestion_not_open',
  'suggestion_orphaned',
  'suggestion_author_only',
  'suggestion_thread_flat',
  'suggestion_invalid_format',
  'suggestion_not_applicable',
  // consultations
  'consultation_launched',
  'consultation_not_open',
  'consultation_closed',
  'consultation_scope_empty',
  'consultation_deadline_passed',
  'answer_invalid',
  // follow-up of rounds (home page)
  'federation_already_answered',
  'reminder_too_soon',
  'deadline_not_later',
  // publications
  'document_not_adopted',
  'not_published',
  // representation (bodies)
  'body_name_taken',
  'body_in_use',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Class-validator rules the DTOs use; any other rule is shown with a generic sentence. */
export const VALIDATION_CONSTRAINTS = [
  'isNotEmpty',
  'isEmail',
  'isString',
  'isBoolean',
  'isInt',
  'isNumber',
  'isEnum',
  'isIn',
  'isUUID',
  'isUrl',
  'isDateString',
  'isISO8601',
  'isArray',
  'arrayMaxSize',
  'arrayMinSize',
  'arrayUnique',
  'minLength',
  'maxLength',
  'min',
  'max',
  'matches',
  'whitelistValidation',
  // Rules a service checks beyond the DTO (`fieldsRefused` on the server): an end before its
  // start, an end not after its start, a reference to nothing (unknown body, user, document…).
  'notBeforeStart',
  'afterStart',
  'existing',
] as const;

export type ValidationConstraint = (typeof VALIDATION_CONSTRAINTS)[number];

/** One refused field: its path (`anchor.from`) and the rules it broke. */
export interface ApiFieldError {
  field: string;
  constraints: string[];
}

/** The body of every refusal of the HTTP API. */
export interface ApiErrorBody {
  statusCode: number;
  /** English; a list for validation errors, each naming its field. */
  message: string | string[];
  error: string;
  code: ApiErrorCode;
  fields?: ApiFieldError[];
}

export function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && (API_ERROR_CODES as readonly string[]).includes(value);
}

/** The generic code of a status (400 for an unknown 4xx, 500 for an unknown 5xx). */
export function genericApiErrorCode(status: number): ApiErrorCode {
  const known = GENERIC_API_ERROR_CODES[status as keyof typeof GENERIC_API_ERROR_CODES];
  if (known) return known;
  return status >= 500 ? 'internal_error' : 'bad_request';
}
