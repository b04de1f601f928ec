// A city admin loads the city's population: one CSV file, checked row by row before anything
// replaces the figures already loaded.
import { Button, CsvProblems, ErrorSummary, FileInput, PostForm, type ViewContext } from '../../../core/views/index.ts';
import { MAX_BODY_BYTES } from '../../../core/http/index.ts';
import { formatNumber } from '../../../core/i18n/index.ts';
import type { RowProblem } from '../../../core/csv.ts';
import type { FieldIssue } from '../../../core/validation.ts';
import { MAX_POPULATION_ROWS, POPULATION_COLUMNS, POPULATION_SEXES } from '../import/population-csv.ts';

export function PopulationPage(props: {
  v: ViewContext; base: string; areas: readonly string[]; ageBands: readonly string[];
  problems?: readonly RowProblem[]; fileIssue?: string; loaded?: { rows: number; people: number };
}) {
  const { v } = props;
  const problems = props.problems ?? [];
  const issue: FieldIssue | null = props.fileIssue
    ? { field: 'file', messageKey: props.fileIssue, values: {} }
    : problems.length ? { field: 'file', messageKey: 'import.hasProblems', values: { count: problems.length } } : null;
  return (
    <>
      <ErrorSummary v={v} issues={issue ? [issue] : []} />
      <h1>{v.t('population.title')}</h1>
      {props.loaded ? (
        <p class="notice" role="status">{v.t('population.loaded', { rows: props.loaded.rows, people: formatNumber(v.locale, props.loaded.people) })} <a href={`${props.base}/inclusion`}>{v.t('population.toDashboard')}</a></p>
      ) : null}
      <CsvProblems v={v} problems={problems} />
      <p>{v.t('population.intro', { max: MAX_POPULATION_ROWS, kb: MAX_BODY_BYTES / 1024 })}</p>
      <dl>
        <dt>{v.t('population.columns')}</dt><dd><code>{POPULATION_COLUMNS.join(',')}</code></dd>
        <dt>area</dt><dd><code>{props.areas.join(', ')}</code></dd>
        <dt>sex</dt><dd><code>{POPULATION_SEXES.join(', ')}</code></dd>
        <dt>age_band</dt><dd><code>{props.ageBands.join(', ')}</code></dd>
        <dt>people</dt><dd>{v.t('population.peopleHint')}</dd>
      </dl>
      <PostForm v={v} action={`${props.base}/inclusion/population`} upload>
        <FileInput v={v} name="file" label={v.t('import.file')} hint={v.t('population.fileHint')} accept=".csv,text/csv" errors={issue ? { file: issue } : undefined} />
        <Button>{v.t('population.send')}</Button>
      </PostForm>
    </>
  );
}
