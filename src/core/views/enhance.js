// Progressive enhancement, loaded only by pages that ask for it; each works without it.
// Ballots: a running total of what is left (money, or points) as the voter chooses, in the
// same words and number format the server uses when the voter presses "Update the total".
'use strict';
for (const group of document.querySelectorAll('[data-limit]')) {
  const out = group.querySelector('[data-left]');
  if (!out) continue;
  const limit = Number(group.dataset.limit);
  const currency = group.dataset.currency;
  const lang = document.documentElement.lang;
  const format = (amount) => {
    if (!currency) return new Intl.NumberFormat(lang).format(amount);
    const digits = new Intl.NumberFormat(lang, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
    const whole = amount % 10 ** digits === 0;
    return new Intl.NumberFormat(lang, { style: 'currency', currency, currencyDisplay: 'code', ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}) })
      .format(amount / 10 ** digits);
  };
  const update = () => {
    let used = 0;
    for (const box of group.querySelectorAll('input[type=checkbox][data-cost]:checked')) used += Number(box.dataset.cost);
    // Points ballots: number fields and no currency.
    if (!currency) for (const field of group.querySelectorAll('input[type=number]')) used += Number(field.value) || 0;
    const left = limit - used;
    out.textContent = (left < 0 ? out.dataset.over : out.dataset.left).replace('{amount}', format(Math.abs(left)));
    out.classList.toggle('over', left < 0);
  };
  group.addEventListener('change', update);
  group.addEventListener('input', update);
}
