export interface GetOrderCommand {
  orderId: string;
}
