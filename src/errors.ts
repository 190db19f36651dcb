/**
 * The few error classes auth0-scan throws. Every one carries a code; `cli/handle-error.ts` is the one place that
 * turns them into a message and an exit code. Callers branch on `code`, never on message text.
 */
export type UsageCode = 'USAGE' | 'CONFIG' | 'RULE_FILE' | 'SNAPSHOT' | 'OUTPUT';
export type CollectionCode = 'AUTH' | 'NETWORK' | 'API' | 'INCOMPLETE';
export type ErrorCode = UsageCode | CollectionCode;

/** Bad input from the user: flags, config, rule files, snapshots, output paths. Exit 2. */
export class InputError extends Error {
  readonly code: UsageCode;
  /** Where: a file path, optionally with `:line`, and a dot-path inside the document. */
  readonly where?: string;
  constructor(code: UsageCode, message: string, where?: string) {
    super(message);
    this.name = 'InputError';
    this.code = code;
    this.where = where;
  }
}

/** The tenant could not be read (fully). Exit 3 unless --allow-partial applies. */
export class CollectionError extends Error {
  readonly code: CollectionCode;
  readonly status?: number;
  constructor(code: CollectionCode, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CollectionError';
    this.code = code;
    this.status = options.status;
  }
}

export const EXIT = { ok: 0, gate: 1, input: 2, collection: 3 } as const;

export function exitCodeFor(err: unknown): number {
  if (err instanceof InputError) return EXIT.input;
  // An unexpected internal error means the scan did not complete: never let a crash look like a pass (0) or
  // an ordinary gate failure (1).
  return EXIT.collection;
}
