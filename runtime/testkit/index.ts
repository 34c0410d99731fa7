/**
 * `clockify-addon-kit/testkit`: a Clockify simulator and test helpers for add-on and plugin authors.
 * See the README's "Testing your plugin".
 */

export {
  type ClockifySimulator,
  type ClockifySimulatorOptions,
  createClockifySimulator,
} from './create-clockify-simulator.js';
export { type DataSizes, DEFAULT_SIZES } from './dataset.js';
export type { Delivery } from './deliveries.js';
export type { Faults } from './faults.js';
export type { SimulatedInstallation, SimulatedWebhook, SubscriptionState } from './installation.js';
export { type KeyPairFiles, loadKeyPair, loadOrCreateKeyPair, PRIVATE_KEY_FILE, PUBLIC_KEY_FILE } from './key-pair-file.js';
export { generateKeyPairPem, type KeyPairPem } from './key-pair-pem.js';
export { createTokenMinter, type MinterOptions, type TokenMinter } from './mint-token.js';
export type { InstallOptions, SettingValue } from './platform-actions.js';
export type { ApiRequestRecord } from './request-log.js';
export { reservePort } from './reserve-port.js';
export type { BatchItem, SendWebhookOptions } from './send-webhook.js';
export { SIMULATOR_ERRORS, SimulatorError, type SimulatorErrorCode } from './simulator-error.js';
export { startTestEnvironment, type TestEnvironment, type TestEnvironmentOptions } from './start-test-environment.js';
export { type WaitForReadyOptions, waitForReady } from './wait-for-ready.js';
