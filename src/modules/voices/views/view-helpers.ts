export { Pagination, Select, TextInput, TextArea, Radios, Checkbox, FileInput, PostForm, Button, ErrorSummary, byField } from '../../../core/views/index.ts';
import { formatDate, formatDateTime } from '../../../core/i18n/index.ts';
import type { ViewContext } from '../../../core/views/index.ts';

export const formatDateHelper = (v: ViewContext, date: Date) => formatDate(v.locale, date, v.timeZone);
export const formatDateTimeHelper = (v: ViewContext, date: Date) => formatDateTime(v.locale, date, v.timeZone);
