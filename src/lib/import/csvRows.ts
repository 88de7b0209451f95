// A CSV text as rows of cells (RFC 4180, tolerant): quoted cells with commas, quotes and line breaks, CRLF or LF,
// a byte-order mark, and a comma, semicolon or tab delimiter sniffed from the header line.

export interface CsvRows {
  /** One array per record: row i is spreadsheet row i + 1 (a quoted line break does not start a row). */
  rows: string[][];
  delimiter: ',' | ';' | '\t';
  /** Set when a quote opened and never closed: the row where it opened. */
  unclosedQuoteRow?: number;
}

export function csvRows(text: string): CsvRows {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = sniffDelimiter(src);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let quoteRow = 0;
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell.trim() === '') {
      // A quote opens a quoted cell only at its start (spaces before it are dropped); elsewhere it is a character.
      cell = '';
      quoted = true;
      quoteRow = rows.length + 1;
      i++;
      continue;
    }
    if (c === delimiter) {
      row.push(cell);
      cell = '';
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    cell += c;
    i++;
  }
  if (cell !== '' || row.length || quoted) {
    row.push(cell);
    rows.push(row);
  }
  return quoted ? { rows, delimiter, unclosedQuoteRow: quoteRow } : { rows, delimiter };
}

/** The delimiter that splits the first line (outside quotes) into the most cells. */
function sniffDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}

/** True for a row whose cells are all blank (spreadsheets leave many at the end). */
export function isBlankRow(row: string[]): boolean {
  return row.every((c) => c.trim() === '');
}

/** A header cell as a key: case, spaces, underscores and hyphens do not matter ("End Year", "end_year", "endyear"). */
export function headerKey(cell: string): string {
  return cell
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}
