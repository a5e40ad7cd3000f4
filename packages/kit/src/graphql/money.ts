import { Directive, Field, InputType, Int, ObjectType } from 'type-graphql';

/** An integer amount in the currency's minor unit plus an ISO 4217 code. */
@Directive('@shareable')
@ObjectType({ description: "An amount of money: an integer in the currency's minor unit and an ISO 4217 currency code." })
export class Money {
  @Field(() => Int, { description: "In the currency's minor unit (cents, fen), never negative: 129900 CNY is 1,299.00 yuan." })
  amount!: number;

  @Field(() => String, { description: 'ISO 4217 code in upper case, e.g. CNY or USD.' })
  currency!: string;
}

@InputType({ description: "A price: an integer amount in the currency's minor unit and an ISO 4217 currency code." })
export class MoneyInput {
  @Field(() => Int, { description: "A non-negative integer in the currency's minor unit (129900 CNY is 1,299.00 yuan); INVALID otherwise." })
  amount!: number;

  @Field(() => String, { description: 'An ISO 4217 code, e.g. CNY or USD (case and surrounding spaces ignored); INVALID otherwise.' })
  currency!: string;
}

const isoCurrencies = new Set(Intl.supportedValuesOf('currency'));

/** ISO 4217 currency codes, from the runtime's ICU data (no list of our own to keep current). */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && isoCurrencies.has(code);
}
