export { SmartSteps } from './smart-steps.js'
export type { SmartStepsOptions } from './options.js'
export type { Credentials } from './auth/token-keeper.js'
export type { FetchFunction } from './http/transport.js'
export {
  type ContractIssue,
  SmartStepsError,
  type SmartStepsErrorInit,
  SmartStepsNetworkError,
  SmartStepsRealtimeError,
  SmartStepsResponseError,
} from './errors/index.js'
export { RequestSigner, type SignatureHeaders } from './signing/request-signer.js'
export { signatureTimestamp } from './signing/signature-timestamp.js'
export { AuthResource } from './resources/auth.js'
export { UsersResource } from './resources/users.js'
export { ApiKeysResource } from './resources/api-keys.js'
export { ClientsResource } from './resources/clients.js'
export { PersonasResource } from './resources/personas.js'
export { SessionsResource } from './resources/sessions.js'
export { MessagesResource } from './resources/messages.js'
export { NotesResource } from './resources/notes.js'
export { AnalysisResource } from './resources/analysis.js'
export { type ConnectOptions, RealtimeResource } from './realtime/realtime-resource.js'
export { type ConnectionState, RealtimeConnection, type SendInput } from './realtime/connection.js'
export type { RealtimeEvents } from './realtime/events.js'
export type { ReconnectOptions } from './realtime/backoff.js'
export type { SocketLike, WebSocketConstructor } from './realtime/socket.js'
export type * from './types.js'
