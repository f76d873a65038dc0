import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@karmabot/common';
import { pointsEarnedFor } from '@karmabot/domain';
import { BotCatalogue } from '../catalogue/bot-catalogue';
import { BotContext } from '../context/bot-context';
import { BotCustomers } from '../customer/bot-customers';
import { formatMoney } from '../i18n/format-money';
import { editOrReply } from '../replies/edit-or-reply';
import { localName } from './local-name';
import { MAX_TYPED_QUANTITY, OrderDraft } from './order-draft';
import { OrderDraftStore } from './order-draft-store';
import { parseOrderData } from './order-callback-data';
import { confirmKeyboard, itemsKeyboard, quantityKeyboard } from './order-keyboards';
import { OrderPlacement } from './order-placement';
import { pricedDraft } from './priced-draft';

/**
 * `/order`, guided: pick an item, a quantity (a button or a typed number), more items or
 * checkout, then confirm. Each tap edits the one message of the flow; the order itself is
 * placed by OrderPlacement through the same use case as the HTTP API.
 */
@Injectable()
export class OrderFlow {
  private readonly pointsPerUnit: number;

  constructor(
    private readonly drafts: OrderDraftStore,
    private readonly catalogue: BotCatalogue,
    private readonly customers: BotCustomers,
    private readonly placement: OrderPlacement,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.pointsPerUnit = config.LOYALTY_POINTS_PER_UNIT;
  }

  async start(ctx: BotContext): Promise<void> {
    await this.customers.ensure(ctx);
    const draft = await this.drafts.start(ctx.chat!.id);
    await ctx.reply(ctx.state.t.chooseItem, itemsKeyboard(ctx.state.t, this.catalogue.catalogue, draft));
  }

  async onButton(ctx: BotContext, data: string): Promise<void> {
    const t = ctx.state.t;
    const chatId = ctx.chat!.id;
    const parsed = parseOrderData(data);
    const draft = parsed ? await this.drafts.find(chatId) : null;
    if (!parsed || !draft || draft.id !== parsed.draftId) {
      await ctx.answerCbQuery(t.buttonExpired);
      return;
    }
    const { step } = parsed;
    switch (step.kind) {
      case 'item': {
        const item = this.catalogue.item(step.sku);
        if (!item) return void (await ctx.answerCbQuery(t.buttonExpired));
        await this.drafts.save(chatId, { ...draft, pendingSku: item.sku });
        await ctx.answerCbQuery();
        const price = formatMoney(item.unitPriceMinor, this.catalogue.catalogue.currency, t.locale);
        return editOrReply(ctx, t.askQuantity(localName(item, t.locale), price), quantityKeyboard(t, draft));
      }
      case 'quantity': {
        if (!draft.pendingSku || step.qty > MAX_TYPED_QUANTITY)
          return void (await ctx.answerCbQuery(t.buttonExpired));
        const updated = await this.add(chatId, draft, draft.pendingSku, step.qty);
        await ctx.answerCbQuery();
        return editOrReply(
          ctx,
          this.cartText(ctx, updated),
          itemsKeyboard(t, this.catalogue.catalogue, updated),
        );
      }
      case 'back': {
        const updated = { ...draft, pendingSku: null };
        await this.drafts.save(chatId, updated);
        await ctx.answerCbQuery();
        return editOrReply(
          ctx,
          this.cartText(ctx, updated),
          itemsKeyboard(t, this.catalogue.catalogue, updated),
        );
      }
      case 'checkout': {
        if (draft.lines.length === 0) return void (await ctx.answerCbQuery(t.cartEmpty));
        await ctx.answerCbQuery();
        const priced = pricedDraft(draft, this.catalogue.catalogue, t.locale);
        return editOrReply(
          ctx,
          t.confirmOrder(priced.lines, this.money(ctx, priced.totalMinor), this.pointsFor(priced.totalMinor)),
          confirmKeyboard(t, draft),
        );
      }
      case 'confirm': {
        if (draft.lines.length === 0) return void (await ctx.answerCbQuery(t.cartEmpty));
        await ctx.answerCbQuery();
        const priced = pricedDraft(draft, this.catalogue.catalogue, t.locale);
        const text = await this.placement.place(ctx, draft.id, {
          items: priced.items,
          currency: this.catalogue.catalogue.currency,
          previewTotalMinor: priced.totalMinor,
          previewPoints: this.pointsFor(priced.totalMinor),
        });
        await this.drafts.finish(chatId, draft.id);
        return editOrReply(ctx, text);
      }
      case 'cancel': {
        await this.drafts.finish(chatId, draft.id);
        await ctx.answerCbQuery();
        return editOrReply(ctx, t.orderCancelled);
      }
    }
  }

  /** A typed quantity while the flow waits for one; false when the text is not for the flow. */
  async onText(ctx: BotContext, text: string): Promise<boolean> {
    const chatId = ctx.chat!.id;
    const draft = await this.drafts.find(chatId);
    if (!draft?.pendingSku) return false;
    const t = ctx.state.t;
    const qty = /^\s*\d{1,6}\s*$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(qty) || qty < 1 || qty > MAX_TYPED_QUANTITY) {
      await ctx.reply(t.quantityInvalid(MAX_TYPED_QUANTITY));
      return true;
    }
    const updated = await this.add(chatId, draft, draft.pendingSku, qty);
    await ctx.reply(this.cartText(ctx, updated), itemsKeyboard(t, this.catalogue.catalogue, updated));
    return true;
  }

  private async add(chatId: number, draft: OrderDraft, sku: string, qty: number): Promise<OrderDraft> {
    const existing = draft.lines.find((line) => line.sku === sku);
    const lines = existing
      ? draft.lines.map((line) =>
          line.sku === sku ? { sku, qty: Math.min(MAX_TYPED_QUANTITY, line.qty + qty) } : line,
        )
      : [...draft.lines, { sku, qty }];
    const updated: OrderDraft = { ...draft, lines, pendingSku: null };
    await this.drafts.save(chatId, updated);
    return updated;
  }

  private cartText(ctx: BotContext, draft: OrderDraft): string {
    const t = ctx.state.t;
    if (draft.lines.length === 0) return t.chooseItem;
    const priced = pricedDraft(draft, this.catalogue.catalogue, t.locale);
    return t.cart(priced.lines, this.money(ctx, priced.totalMinor));
  }

  private money(ctx: BotContext, minor: number): string {
    return formatMoney(minor, this.catalogue.catalogue.currency, ctx.state.t.locale);
  }

  private pointsFor(totalMinor: number): number {
    return pointsEarnedFor(totalMinor, this.catalogue.catalogue.currency, this.pointsPerUnit);
  }
}
