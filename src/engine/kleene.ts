import { NotJudged } from './not-judged.js';

/**
 * Three-valued `some`/`every` over lazily evaluated parts, where "not judged" travels as a thrown NotJudged.
 * A part that decides (true for some, false for every) decides whatever the others are, so the result does not
 * depend on the order of the parts; only when none decides does a part that could not be judged make the whole
 * not judged.
 */
export function someOf<T>(items: readonly T[], test: (item: T) => boolean): boolean {
  return decide(items, test, true);
}

export function everyOf<T>(items: readonly T[], test: (item: T) => boolean): boolean {
  return decide(items, test, false);
}

function decide<T>(items: readonly T[], test: (item: T) => boolean, decides: boolean): boolean {
  let undecided: NotJudged | undefined;
  for (const item of items) {
    try {
      if (test(item) === decides) return decides;
    } catch (err) {
      if (!(err instanceof NotJudged)) throw err;
      undecided ??= err;
    }
  }
  if (undecided) throw undecided;
  return !decides;
}

/** As someOf/everyOf, but every part is evaluated (each records its evidence). */
export function allParts<T>(items: readonly T[], test: (item: T) => boolean, decides: boolean): boolean {
  let result = !decides;
  let undecided: NotJudged | undefined;
  for (const item of items) {
    try {
      if (test(item) === decides) result = decides;
    } catch (err) {
      if (!(err instanceof NotJudged)) throw err;
      undecided ??= err;
    }
  }
  if (result === decides || !undecided) return result;
  throw undecided;
}
