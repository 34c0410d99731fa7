import { type AddonError, type HttpError, isAddonError, isHttpError } from '../../runtime/index.js';

/** The error `work` throws, when it is of the expected kind; fails the test otherwise (no throw, or another error). */
function thrownBy<T>(work: () => unknown, accepts: (error: unknown) => error is T, kind: string): T {
  try {
    work();
  } catch (error) {
    if (accepts(error)) return error;
    throw error;
  }
  throw new Error(`expected an ${kind} to be thrown`);
}

export const thrownAddonError = (work: () => unknown): AddonError => thrownBy(work, isAddonError, 'AddonError');
export const thrownHttpError = (work: () => unknown): HttpError => thrownBy(work, isHttpError, 'HttpError');
