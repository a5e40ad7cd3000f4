import { Directive, Field, InputType, Int, ObjectType } from 'type-graphql';

/** An integer amount in the currency's minor unit plus an ISO 4217 code. */
@Directive('@shareable')
@ObjectType()
export class Money {
  @Field(() => Int)
  amount!: number;

  @Field(() => String)
  currency!: string;
}

@InputType()
export class MoneyInput {
  @Field(() => Int)
  amount!: number;

  @Field(() => String)
  currency!: string;
}

const isoCurrencies = new Set(Intl.supportedValuesOf('currency'));

/** ISO 4217 currency codes, from the runtime's ICU data (no list of our own to keep current). */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && isoCurrencies.has(code);
}
