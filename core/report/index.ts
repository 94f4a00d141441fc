/** Post-crisis impact report: metrics (JSON), HTML and Markdown renderers, escaping helpers. */
export { computeReport } from './computeReport';
export { renderReportHtml } from './renderHtml';
export { renderReportMarkdown } from './renderMarkdown';
export { cleanText, escapeAttr, escapeHtml, escapeMarkdown, markdownLink, oneLine, safeUrl } from './escape';
export type * from './types';
