export { AddonError, isAddonError, type ErrorLocation } from './addon-error.js';
export { bootErrors, type BootErrorCode } from './catalogue.js';
export { HttpError, isHttpError } from './http-error.js';
