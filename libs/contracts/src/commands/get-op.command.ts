export interface GetOpCommand {
  opId: string;
}
