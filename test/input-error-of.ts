import { InputError } from '../src/errors.js';

/** The InputError `fn` throws; any other outcome (another error, or none) fails the test. */
export function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}
