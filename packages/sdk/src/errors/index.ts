export { SmartStepsError, type SmartStepsErrorInit } from './smart-steps-error.js'
export { SmartStepsNetworkError } from './network-error.js'
export { type ContractIssue, SmartStepsResponseError } from './response-error.js'
export { SmartStepsRealtimeError } from './realtime-error.js'
