// User-fixable errors: a stable code, a location (file, row, field, value) and the fix.
// Broken invariants stay plain Errors. Only the CLI entry point turns these into an exit code.

export interface ErrorLocation {
  readonly file?: string;
  readonly row?: number;
  readonly field?: string;
  readonly value?: string;
  readonly parameter?: string;
  readonly fix?: string;
  readonly allowed?: readonly string[];
}

export class UserError extends Error {
  readonly code: string;
  readonly location: ErrorLocation;

  constructor(code: string, message: string, location: ErrorLocation = {}) {
    super(message);
    this.name = 'UserError';
    this.code = code;
    this.location = location;
  }

  /** The message with its location and fix, as a user reads it. */
  describe(): string {
    const { file, row, field, value, fix } = this.location;
    const where = [
      file && `file ${file}`,
      row !== undefined && `row ${row}`,
      field && `field ${field}`,
      value !== undefined && `value "${value}"`,
    ]
      .filter(Boolean)
      .join(', ');
    return `${this.message}${where ? ` (${where})` : ''}${fix ? `\n  fix: ${fix}` : ''}`;
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
