import { CustomerRef } from './customer-ref';

export interface GetCustomerCommand {
  customer: CustomerRef;
}
