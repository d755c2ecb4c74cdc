export interface ConfigIssue {
  /** Dotted config path, e.g. `vendors.meta-pixle` or `cookie.expiresDays`. */
  path: string;
  message: string;
}

/** Thrown by `createConsent` for an invalid config; lists every problem at once. */
export class ConsentryConfigError extends Error {
  readonly code = 'CONSENTRY_CONFIG';
  readonly issues: ConfigIssue[];
  /** Path of the first issue, for callers that only report one. */
  readonly path: string;
  constructor(issues: ConfigIssue[]) {
    super(`Invalid Consentry config: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'ConsentryConfigError';
    this.issues = issues;
    this.path = issues[0]?.path ?? '';
  }
}
