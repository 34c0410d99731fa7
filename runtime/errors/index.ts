export { AddonError, type ErrorLocation, isAddonError } from './addon-error.js';
export { type BootErrorCode, bootErrors } from './catalogue.js';
export { HttpError, isHttpError } from './http-error.js';
