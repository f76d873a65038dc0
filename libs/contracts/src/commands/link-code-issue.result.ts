/** What persistence stores for `link_code.issue`: only the expiry, never the code. */
export interface LinkCodeIssueResult {
  expiresAt: string;
}
