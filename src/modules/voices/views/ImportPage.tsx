// Typed-up paper forms sent as a CSV file: what the file must hold, and after sending, either
// every problem by row and column, or the references of the voices stored.
import type { ViewContext } from '../../../core/views/index.ts';
import { MAX_BODY_BYTES } from '../../../core/http/index.ts';
import { Button, ErrorSummary, FileInput, PostForm } from './view-helpers.ts';
import { CsvProblems } from '../../../core/views/index.ts';
import { CSV_COLUMNS, MAX_ROWS, REQUIRED_COLUMNS, type RowProblem } from '../import/voice-csv.ts';

export function ImportPage(props: {
  v: ViewContext;
  base: string;
  problems?: readonly RowProblem[];
  /** Set after a file was stored. */
  imported?: { references: string[]; created: number };
  fileIssue?: { messageKey: string };
}) {
  const { v } = props;
  const problems = props.problems ?? [];
  const fileIssues = props.fileIssue ? [{ field: 'file', messageKey: props.fileIssue.messageKey, values: {} }] : [];
  return (
    <>
      <ErrorSummary v={v} issues={problems.length ? [{ field: 'file', messageKey: 'import.hasProblems', values: { count: problems.length } }] : fileIssues} />
      <h1>{v.t('import.title')}</h1>
      {props.imported ? (
        <section aria-labelledby="imported">
          <p id="imported" class="notice" role="status">{v.t('import.done', { count: props.imported.references.length, created: props.imported.created })}</p>
          <ul>{props.imported.references.map((reference) => <li><a href={`${props.base}/voices/${reference}`}>{reference}</a></li>)}</ul>
        </section>
      ) : null}
      <CsvProblems v={v} problems={problems} />
      <p>{v.t('import.intro', { max: MAX_ROWS, kb: MAX_BODY_BYTES / 1024 })}</p>
      <p>{v.t('import.required')} <code>{REQUIRED_COLUMNS.join(', ')}</code></p>
      <p>{v.t('import.optional')} <code>{Object.keys(CSV_COLUMNS).filter((c) => !(REQUIRED_COLUMNS as readonly string[]).includes(c)).join(', ')}</code></p>
      <PostForm v={v} action={`${props.base}/assist/import`} upload>
        <FileInput v={v} name="file" label={v.t('import.file')} hint={v.t('import.fileHint')} accept=".csv,text/csv" errors={fileIssues.length ? { file: fileIssues[0]! } : problems.length ? { file: { field: 'file', messageKey: 'import.hasProblems', values: { count: problems.length } } } : undefined} />
        <Button>{v.t('import.send')}</Button>
      </PostForm>
    </>
  );
}
