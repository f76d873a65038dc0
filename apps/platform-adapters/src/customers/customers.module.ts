import { Module } from '@nestjs/common';
import { PersistenceClientModule } from '../persistence/persistence-client.module';
import { CustomerResolver } from './customer-resolver';
import { GetCustomerHandler } from './get-customer/get-customer.handler';
import { IssueLinkCodeHandler } from './issue-link-code/issue-link-code.handler';
import { LinkProofBuilder } from './link-telegram/link-proof-builder';
import { LinkTelegramHandler } from './link-telegram/link-telegram.handler';
import { RegisterTelegramCustomerHandler } from './register-telegram-customer/register-telegram-customer.handler';
import { RegisterWebsiteCustomerHandler } from './register-website-customer/register-website-customer.handler';
import { SearchCustomersHandler } from './search-customers/search-customers.handler';
import { UpdateProfileHandler } from './update-profile/update-profile.handler';

@Module({
  imports: [PersistenceClientModule],
  controllers: [
    RegisterTelegramCustomerHandler,
    RegisterWebsiteCustomerHandler,
    GetCustomerHandler,
    UpdateProfileHandler,
    LinkTelegramHandler,
    IssueLinkCodeHandler,
    SearchCustomersHandler,
  ],
  providers: [CustomerResolver, LinkProofBuilder],
  exports: [CustomerResolver],
})
export class CustomersModule {}
