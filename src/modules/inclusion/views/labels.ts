// What a group is called on the page and in the CSV, in the reader's language.
import type { Translate } from '../../../core/i18n/index.ts';
import { UNANSWERED } from '../analysis/representation.ts';
import type { Dimension } from '../queries/inclusion-dashboard.ts';

export function groupLabel(t: Translate, dimension: Dimension, key: string, names: Record<string, string>): string {
  if (key === UNANSWERED) return t('inclusion.unanswered');
  switch (dimension) {
    case 'sex': return t(`demographics.sex.${key}`);
    case 'ageBand': return t(`demographics.age.${key}`);
    case 'disability': return t(`inclusion.disability.${key}`);
    case 'channel': return t(`inclusion.channel.${key}`);
    case 'area': return names[key] ?? key;
  }
}
