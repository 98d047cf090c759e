import type { ErrorCode } from '../domain/errors.ts';

/** Every domain error code and the HTTP status it answers with (exhaustive: adding a code fails typecheck here). */
export const domainStatus: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  rate_limited: 429,
  setup_already_done: 409,
  email_taken: 409,
  workspace_not_found: 404,
  client_not_found: 404,
  contact_not_found: 404,
  fact_not_found: 404,
  commitment_not_found: 404,
  mistake_not_found: 404,
  user_not_found: 404,
  guard_rule_not_found: 404,
  vocabulary_word_not_found: 404,
  route_not_found: 404,
  commitment_not_open: 409,
  fix_commitment_exists: 409,
  client_name_taken: 409,
  message_not_found: 404,
  notification_not_found: 404,
  message_not_failed: 409,
  blocking_findings: 422,
  idempotency_key_reused: 409,
  remedy_not_found: 404,
  remedy_already_reversed: 409,
  remedy_not_reversible: 409,
  remedy_not_pending: 409,
  self_approval_not_allowed: 403,
  owner_role_locked: 409,
  cannot_remove_self: 409,
  action_not_found: 404,
  action_not_open: 409,
  action_not_done: 409,
  action_not_preventive: 409,
  repeat_already_marked: 409,
  repeat_not_marked: 409,
  lesson_not_found: 404,
  lesson_check_not_found: 404,
};

/** Errors raised by the HTTP layer itself (parsing, media types), by Fastify error code. */
/** Errors Fastify raises before validation; all of them are about the request body, so they name it. */
export const transportErrors: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: 'Send the body as application/json.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_json', message: 'The JSON body is empty.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json', message: 'The body is not valid JSON.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', message: 'The body is too large.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'invalid_content_length',
    message: 'The Content-Length header does not match the body.',
  },
};
