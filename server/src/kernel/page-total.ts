/**
 * A paged list's size over all its pages, counted for the first page only: a later page
 * carries the cursor, and the client keeps what the first page said (usePagedList's `about`).
 * Counting again for every page would cost one more query per page for a figure already shown.
 */
export async function firstPageTotal(
  after: string | undefined,
  count: () => Promise<number>,
): Promise<{ total?: number }> {
  return after ? {} : { total: await count() }
}
