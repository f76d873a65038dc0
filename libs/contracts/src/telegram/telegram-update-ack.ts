/** What platform-adapters answers once an update is handled (or recognised as already handled). */
export interface TelegramUpdateAck {
  updateId: number;
}
