// Shared view helpers: a budget's name, money in the reader's language.
import { formatMoney } from '../../../core/i18n/index.ts';
import type { ViewContext } from '../../../core/views/index.ts';
import type { Budget } from '../process.ts';
import { minorDigits } from '../../../core/money.ts';
import type { Rational } from '../rules/rational.ts';

export const budgetName = (v: ViewContext, budget: Pick<Budget, 'area'>, areaNames: ReadonlyMap<string, string>) =>
  budget.area === null ? v.t('budgeting.cityWide') : v.t('budgeting.district', { area: areaNames.get(budget.area) ?? budget.area });

export const money = (v: ViewContext, minor: number, currency: string) => formatMoney(v.locale, minor, currency);

/** An exact amount in major units (as the rules compute it) shown as money, rounded up to the minor unit. */
export function exactMoney(v: ViewContext, amount: Rational, currency: string): string {
  const unit = 10n ** BigInt(minorDigits(currency));
  const scaled = amount.num * unit;
  const minor = scaled / amount.den + (scaled % amount.den === 0n ? 0n : 1n);
  return formatMoney(v.locale, Number(minor), currency);
}
