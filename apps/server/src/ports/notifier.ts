/** A password reset link for one account, to be delivered to its owner only. */
export interface PasswordResetNotice {
  user_id: string
  username: string
  /** Where the owner reads it. */
  email: string
  /** The secret: whoever holds it may set the account's password until `expires_at`. */
  token: string
  /** The configured reset page with the token in its fragment; null when none is configured. */
  link: string | null
  expires_at: string
}

/**
 * How messages reach users. Smart Steps has no mail system: the default adapter writes each
 * message to a file the operator delivers (notifications/outbox-notifier.ts); a mail or chat
 * adapter plugs in here. A notice carries a secret, so adapters never log it.
 */
export interface Notifier {
  readonly name: string
  sendPasswordReset(notice: PasswordResetNotice): Promise<void>
}
