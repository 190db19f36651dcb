export { offsetPages, type OffsetPagesOptions } from './offset-pages.js';
export { checkpointPages, type CheckpointPagesOptions } from './checkpoint-pages.js';
export { pagedWithoutTotals, type PagedWithoutTotalsOptions } from './paged-without-totals.js';
export { readPage, type Page, type PageClient } from './page-shapes.js';
