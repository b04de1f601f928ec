// A blank form to print, for places with no connection: a facilitator hands it out, then types
// the filled-in forms into a CSV file for the import. It asks what the web form asks, in the
// page's language, with boxes to write in and to tick.
import type { ViewContext } from '../../../core/views/index.ts';
import type { AreaOption, CategoryOption } from '../queries/list-taxonomy.ts';
import { AGE_BANDS, SEXES, WG_ANSWERS, WG_DOMAINS } from '../schemas.ts';

const Box = (props: { tall?: boolean }) => <div class={props.tall ? 'paper-box tall' : 'paper-box'} aria-hidden="true" />;

function Choices(props: { labels: string[] }) {
  return (
    <ul class="paper-choices">
      {props.labels.map((label) => <li><span class="paper-mark" aria-hidden="true" />{label}</li>)}
    </ul>
  );
}

export function PaperForm(props: { v: ViewContext; cityName: string; categories: CategoryOption[]; areas: AreaOption[] }) {
  const { v } = props;
  return (
    <>
      <h1>{v.t('paper.title', { city: props.cityName })}</h1>
      <p>{v.t('paper.intro')}</p>
      <p class="no-print">{v.t('paper.print')}</p>
      <ol class="paper-fields">
        <li>{v.t('voiceForm.titleLabel')}<Box /></li>
        <li>{v.t('voiceForm.descriptionLabel')}<Box tall /></li>
        <li>{v.t('voiceForm.categoryLabel')}<Choices labels={props.categories.map((c) => c.name)} /></li>
        <li>{v.t('voiceForm.areaLabel')}<Choices labels={props.areas.map((a) => a.name)} /></li>
        <li>{v.t('assist.contactLabel')}<Box /></li>
        <li>
          {v.t('demographics.title')} <span class="hint">{v.t('demographics.why')}</span>
          <p>{v.t('demographics.sex')}</p>
          <Choices labels={[...SEXES.map((s) => v.t(`demographics.sex.${s}`)), v.t('demographics.preferNotToSay')]} />
          <p>{v.t('demographics.ageBand')}</p>
          <Choices labels={[...AGE_BANDS.map((a) => v.t(`demographics.age.${a}`)), v.t('demographics.preferNotToSay')]} />
          <p>{v.t('demographics.wgIntro')}</p>
          {WG_DOMAINS.map((domain) => (
            <>
              <p>{v.t(`demographics.${domain}`)}</p>
              <Choices labels={[...WG_ANSWERS.map((a) => v.t(`demographics.wgAnswer.${a}`)), v.t('demographics.preferNotToSay')]} />
            </>
          ))}
        </li>
        <li><span class="paper-mark" aria-hidden="true" />{v.t('assist.consent')}<p>{v.t('paper.signature')}</p><Box /></li>
      </ol>
      <p>{v.t('paper.officeUse')}</p>
      <Box />
    </>
  );
}
