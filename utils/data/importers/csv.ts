/**
 * Reading CSV as spreadsheets and apps write it (RFC 4180 and its everyday variants): a
 * byte-order mark, CRLF or LF line ends, quoted cells with commas, quotes ("") and line
 * breaks inside, and a semicolon as separator where a spreadsheet in German writes one.
 */

export type CsvRead = { ok: true; rows: string[][] } | { ok: false; line: number };

/** The separator a file uses: the one of comma, semicolon and tab most common in its first line. */
function separatorOf(text: string): string {
  let best = ',';
  let bestCount = 0;
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  for (const candidate of [',', ';', '\t']) {
    const count = firstLine.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Every row of a CSV text as cells. Blank lines are dropped. A quote left open at the end
 * gives `{ ok: false, line }` (the line the open cell starts on), so a cut-off file is refused
 * rather than read as one giant last cell.
 */
export function parseCsv(raw: string): CsvRead {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const sep = separatorOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 1;
  let cellStarted = false;
  const endRow = () => {
    row.push(cell);
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    cell = '';
    cellStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        // A CRLF inside a quoted cell is one line break.
        if (!(ch === '\r' && text[i + 1] === '\n')) cell += ch;
      }
    } else if (ch === '"' && !cellStarted) {
      quoted = true;
      cellStarted = true;
      quoteLine = line;
    } else if (ch === sep) {
      row.push(cell);
      cell = '';
      cellStarted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
    } else {
      cell += ch;
      cellStarted = true;
    }
  }
  if (quoted) return { ok: false, line: quoteLine };
  if (cell !== '' || row.length > 0) endRow();
  return { ok: true, rows };
}
