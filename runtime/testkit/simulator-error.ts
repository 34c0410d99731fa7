/** Every error the simulator's platform actions throw, with the sentence that heads its message. */
export const SIMULATOR_ERRORS = {
  NOT_INSTALLED: 'no add-on is installed in the simulated workspace; call install(addonBaseUrl) first',
  MANIFEST_UNREADABLE: "the add-on's GET /manifest did not answer a manifest",
  LIFECYCLE_REJECTED: 'the add-on answered a lifecycle call with an error status',
  WEBHOOK_NOT_SUBSCRIBED: 'the manifest subscribes to no webhook for this event',
  ADDON_INACTIVE: 'the add-on is switched off (STATUS_CHANGED INACTIVE); Clockify sends it no webhooks',
  DELIVERY_UNKNOWN: 'no webhook delivery has this id',
} as const;

export type SimulatorErrorCode = keyof typeof SIMULATOR_ERRORS;

export class SimulatorError extends Error {
  override name = 'SimulatorError';
  readonly code: SimulatorErrorCode;

  constructor(code: SimulatorErrorCode, detail?: string) {
    super(detail ? `${SIMULATOR_ERRORS[code]}: ${detail}` : SIMULATOR_ERRORS[code]);
    this.code = code;
  }
}
