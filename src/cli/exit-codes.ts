import type { ErrorCode } from '../domain/errors.ts';

/** Every domain error code and the CLI exit code it ends with (exhaustive). 1 is kept for "check found errors". */
export const exitCodes: Record<ErrorCode, number> = {
  validation_failed: 2,
  unauthenticated: 4,
  invalid_credentials: 4,
  csrf_failed: 4,
  forbidden: 4,
  rate_limited: 5,
  setup_already_done: 6,
  email_taken: 6,
  workspace_not_found: 3,
  client_not_found: 3,
  contact_not_found: 3,
  fact_not_found: 3,
  commitment_not_found: 3,
  mistake_not_found: 3,
  user_not_found: 3,
  guard_rule_not_found: 3,
  vocabulary_word_not_found: 3,
  route_not_found: 3,
  commitment_not_open: 6,
  fix_commitment_exists: 6,
  client_name_taken: 6,
  message_not_found: 3,
  notification_not_found: 3,
  message_not_failed: 6,
};
