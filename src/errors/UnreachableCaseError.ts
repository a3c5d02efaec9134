/** Ends a switch over a union, so the compiler reports a case that is not handled. */
export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unreachable case: ${JSON.stringify(value)}`);
  }
}
