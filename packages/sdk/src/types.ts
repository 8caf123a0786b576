import type {
  AckFrameSchema,
  ApiKeyListQuerySchema,
  ApiKeyListSchema,
  ChangePasswordRequestSchema,
  ClientListQuerySchema,
  ClientListSchema,
  CreateApiKeyRequestSchema,
  CreateClientRequestSchema,
  CreateMessageRequestSchema,
  CreateMessageResponse,
  CreateNoteRequestSchema,
  CreateSessionRequestSchema,
  CreateUserRequestSchema,
  MessageListQuerySchema,
  MessageListSchema,
  PasswordResetConfirmRequestSchema,
  PasswordResetRequestSchema,
  PersonaListSchema,
  ProgressRequestSchema,
  ResyncFrameSchema,
  SessionListQuerySchema,
  SessionListSchema,
  UpdateClientRequestSchema,
  UpdateUserRequestSchema,
  UserListQuerySchema,
  UserListSchema,
} from '@smartsteps/contracts'
import type { z } from 'zod'

export type { AuthFailureReason, CurrentCaller } from '@smartsteps/contracts'

// Request bodies are what the contracts accept (z.input: fields with defaults are optional).
export type CreateUserInput = z.input<typeof CreateUserRequestSchema>
export type UpdateUserInput = z.input<typeof UpdateUserRequestSchema>
export type CreateApiKeyInput = z.input<typeof CreateApiKeyRequestSchema>
export type CreateClientInput = z.input<typeof CreateClientRequestSchema>
export type UpdateClientInput = z.input<typeof UpdateClientRequestSchema>
export type CreateSessionInput = z.input<typeof CreateSessionRequestSchema>
export type CreateMessageInput = z.input<typeof CreateMessageRequestSchema>
export type CreateNoteInput = z.input<typeof CreateNoteRequestSchema>
export type ProgressInput = z.input<typeof ProgressRequestSchema>
export type ChangePasswordInput = z.input<typeof ChangePasswordRequestSchema>
export type PasswordResetInput = z.input<typeof PasswordResetRequestSchema>
export type PasswordResetConfirmInput = z.input<typeof PasswordResetConfirmRequestSchema>

// Query parameters are the parsed query types, each optional; the SDK writes them as text.
export type UserListOptions = Partial<z.infer<typeof UserListQuerySchema>>
export type ApiKeyListOptions = Partial<z.infer<typeof ApiKeyListQuerySchema>>
export type ClientListOptions = Partial<z.infer<typeof ClientListQuerySchema>>
export type SessionListOptions = Partial<z.infer<typeof SessionListQuerySchema>>
export type MessageListOptions = Partial<z.infer<typeof MessageListQuerySchema>>

export type UserList = z.infer<typeof UserListSchema>
export type ApiKeyList = z.infer<typeof ApiKeyListSchema>
export type ClientList = z.infer<typeof ClientListSchema>
export type SessionList = z.infer<typeof SessionListSchema>
export type MessageList = z.infer<typeof MessageListSchema>
export type PersonaList = z.infer<typeof PersonaListSchema>

/** A posted message and its persona reply; `duplicate` when client_message_id matched an earlier one. */
export type PostedMessage = CreateMessageResponse & { duplicate: boolean }

export type RealtimeAck = z.infer<typeof AckFrameSchema>['data']
export type ResyncData = z.infer<typeof ResyncFrameSchema>['data']
