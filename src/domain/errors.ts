/**
 * Every error the domain can raise, with its one-line meaning. The server maps each code to an
 * HTTP status (src/server/errors.ts) and the CLI to an exit code; both tables are exhaustive.
 */
export const errorCodes = {
  validation_failed: 'A field of the request is missing or malformed; details name it.',
  unauthenticated: 'No valid session or token was presented.',
  invalid_credentials: 'The email or password is wrong.',
  csrf_failed: 'A cookie-authenticated change came without the CSRF header.',
  forbidden: 'Your role in this workspace does not allow this.',
  rate_limited: 'Too many attempts; wait and retry.',
  setup_already_done: 'First-run setup has already created a workspace.',
  email_taken: 'Another user already has this email.',
  workspace_not_found: 'No such workspace.',
  client_not_found: 'No such client in this workspace.',
  contact_not_found: 'No such contact for this client.',
  fact_not_found: 'No such fact in this workspace.',
  commitment_not_found: 'No such commitment in this workspace.',
  mistake_not_found: 'No such mistake in this workspace.',
  user_not_found: 'No such user in this workspace.',
  guard_rule_not_found: 'No such guard rule in this workspace.',
  vocabulary_word_not_found: 'That word is not in the workspace vocabulary.',
  route_not_found: 'No such API route.',
  commitment_not_open: 'The commitment is already done or missed.',
  fix_commitment_exists: 'The mistake already has an open fix commitment.',
  client_name_taken: 'Another client in this workspace already has this name.',
  message_not_found: 'No such message in this workspace.',
  notification_not_found: 'No such notification for you in this workspace.',
  message_not_failed: 'Only a failed message can be retried.',
  blocking_findings: 'The text has error findings; fix them or send with an overrideReason.',
  idempotency_key_reused: 'This idempotency key was already used for a different request.',
  remedy_not_found: 'No such remedy in this workspace.',
  remedy_already_reversed: 'The remedy has already been reversed.',
  remedy_not_reversible: 'A reversing entry cannot itself be reversed.',
  remedy_not_pending: 'The remedy does not need approval.',
  self_approval_not_allowed: 'Another owner or admin must approve a remedy you proposed yourself.',
  owner_role_locked: 'The owner cannot be changed, removed or added; a workspace has exactly one owner.',
  cannot_remove_self: 'You cannot remove yourself from the workspace.',
  action_not_found: 'No such action in this workspace.',
  action_not_open: 'The action is already done or cancelled.',
  action_not_done: 'An effectiveness check needs the action to be done first.',
  action_not_preventive: 'Only a preventive action has an effectiveness check.',
  repeat_already_marked: 'The mistake is already marked as a repeat; undo that first.',
  repeat_not_marked: 'The mistake is not marked as a repeat.',
  health_alert_not_found: 'No such health alert for this client.',
  health_alert_not_open: 'The health alert was already decided (marked at risk or dismissed).',
  lesson_not_found: 'No such lesson in this workspace.',
  lesson_check_not_found: 'No such check on this lesson.',
  already_member: 'That email already belongs to a member of this workspace.',
  invitation_pending: 'That email already has a pending invitation; resend or revoke it.',
  invitation_not_found: 'No such invitation in this workspace.',
  invitation_not_pending: 'The invitation was already accepted or revoked.',
  invitation_token_invalid: 'This invitation link is not valid (mistyped, or replaced by a newer invitation).',
  invitation_used: 'This invitation link was already used.',
  invitation_revoked: 'This invitation was withdrawn.',
  invitation_expired: 'This invitation link has expired; ask for a new one.',
  reset_token_invalid: 'This password-reset link is not valid.',
  reset_token_used: 'This password-reset link was already used or replaced by a newer one.',
  reset_token_expired: 'This password-reset link has expired; ask for a new one.',
  webhook_not_found: 'No such webhook endpoint in this workspace.',
  webhook_delivery_not_found: 'No such delivery to this webhook endpoint.',
  webhook_delivery_pending: 'The delivery is still queued or being sent; only a delivered or failed one can be resent.',
  webhook_limit_reached: 'The workspace has the most webhook endpoints it may have; delete one first.',
  invalid_api_token: 'The bearer token is malformed, unknown, revoked or expired.',
  api_token_read_only: 'This API token has the read scope: it may only read (GET, HEAD and the read-only checks).',
  api_token_not_allowed: 'API tokens are created by a signed-in member, not with another token.',
  api_token_not_found: 'No such API token in this workspace.',
  api_token_limit_reached: 'You hold the most API tokens a member may have; revoke one first.',
  import_not_found: 'No such CSV upload in this workspace (uploads are kept for a day).',
  check_in_not_found: 'No such check-in in this workspace.',
  check_in_not_pending: 'The check-in was already done or skipped.',
  mistake_not_fixed: 'The mistake has no fix done yet; ask how well it was put right once it is.',
  satisfaction_token_invalid: 'This satisfaction link is not valid (mistyped or unknown).',
  satisfaction_token_expired: 'This satisfaction link has expired.',
  satisfaction_answer_final: 'This answer was already changed once and is final.',
  relay_message_not_found: 'No such relayed message of yours in this workspace.',
  relay_message_not_held: 'The message is not held any more: it was already released or discarded.',
  calendar_not_found: 'No such calendar of yours in this workspace.',
  calendar_needs_member: 'Calendars belong to a member: sign in (or use a member\'s API token) to connect one.',
} as const;

/** A domain error code. */
export type ErrorCode = keyof typeof errorCodes;

/** The one error type business code throws: a code, a human message and optional details; no HTTP. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = errorCodes[code],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Shorthand for a not-found error of `code`. */
export function notFound(code: Extract<ErrorCode, `${string}_not_found`>): DomainError {
  return new DomainError(code);
}
