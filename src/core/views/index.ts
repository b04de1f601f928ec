export { renderPage, type PageProps } from './render.tsx';
export { viewContext, byField, type ViewContext, type FieldErrors } from './view-context.ts';
export { stylesheetBody, stylesheetHref } from './styles.ts';
export { Layout, type NavItem } from './components/layout/Layout.tsx';
export { ErrorSummary, fieldId } from './components/error-summary/ErrorSummary.tsx';
export { TextInput, TextArea, Select, Radios, Checkbox, FileInput, type Choice } from './components/field/Field.tsx';
export { PostForm, Button } from './components/post-form/PostForm.tsx';
export { Pagination } from './components/pagination/Pagination.tsx';
export { BarChart, type BarChartProps } from './components/chart/BarChart.tsx';
