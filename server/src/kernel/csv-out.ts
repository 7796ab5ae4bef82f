/** Excel opens a UTF-8 CSV as GBK unless it starts with a byte-order mark. */
export const CSV_BOM = '\uFEFF'

/** One CSV line (CRLF, as Excel writes), quoting only the cells that need it. */
export function csvLine(cells: readonly (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}
