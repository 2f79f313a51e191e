import { TableOptions } from '@backstage/core-components';

/** The tenant page's tables: dense, no search, pages of ten once there are more. */
export function compactTableOptions(rowCount: number): TableOptions {
  return {
    paging: rowCount > 10,
    pageSize: 10,
    padding: 'dense',
    search: false,
    // Column dragging wraps each sort button in a second one (nested-interactive).
    draggable: false,
  };
}
