/**
 * The page side of an import from another app: the chosen files read into text (a zip
 * unpacked by the lazily loaded fflate), then scanned by the pure parsers in
 * utils/data/importers/. What comes back is a source the preview can plan again and again
 * (a new zone, a mood mapped, a column moved) without reading the files twice.
 */
import { importSizeProblem, MAX_IMPORT_BYTES } from '../../../../utils/data/import-guard';
import { type DaylioScan, scanDaylio } from '../../../../utils/data/importers/daylio';
import { type CsvScan, scanCsv } from '../../../../utils/data/importers/generic-csv';
import { isNotePath } from '../../../../utils/data/importers/markdown-notes';
import type { ImportFormat } from '../../../../utils/data/importers/plan';
import type { NamedText } from '../../../../utils/data/importers/zip';
import { looksLikeZip } from '../../../../utils/data/importers/zip-sniff';
import { t } from '../../../../utils/i18n/i18n';

export type Source =
  | { format: 'dayone'; name: string; files: NamedText[] }
  | { format: 'daylio'; name: string; scan: DaylioScan }
  | { format: 'markdown'; name: string; files: NamedText[]; others: number }
  | { format: 'csv'; name: string; scan: CsvScan };

export type SourceRead = { ok: true; source: Source } | { ok: false; message: string };

/** The folder a `webkitdirectory` pick came from, else the file's own name. */
function nameOf(files: readonly File[]): string {
  const first = files[0];
  if (!first) return '';
  const folder = first.webkitRelativePath.split('/')[0];
  return files.length > 1 && folder ? folder : first.name;
}

async function bytesOf(file: File): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    return null;
  }
}

/** A zip's accepted files, or the refusal to show. fflate loads only when a zip is chosen. */
async function unzip(
  file: File,
  bytes: Uint8Array,
  accept: (name: string) => boolean,
): Promise<{ ok: true; files: NamedText[]; others: number } | { ok: false; message: string }> {
  const { readZip } = await import('../../../../utils/data/importers/zip');
  const read = readZip(bytes, accept, MAX_IMPORT_BYTES);
  if (read.ok) return read;
  if (read.reason === 'tooLarge') {
    const max = `${Math.round(MAX_IMPORT_BYTES / 1024 / 1024)} MB`;
    return { ok: false, message: t('importerZipTooLarge', file.name, max) };
  }
  return { ok: false, message: t('importerNotZip', file.name) };
}

/** Read what was chosen for `format`, or say plainly why it cannot be imported. */
export async function readSource(
  format: ImportFormat,
  chosen: readonly File[],
): Promise<SourceRead> {
  const name = nameOf(chosen);
  const total = chosen.reduce((sum, file) => sum + file.size, 0);
  const tooBig = importSizeProblem(total);
  if (tooBig) return { ok: false, message: tooBig };

  const decoder = new TextDecoder();
  if (format === 'markdown' && chosen.length > 1) {
    const files: NamedText[] = [];
    let others = 0;
    for (const file of chosen) {
      const path = file.webkitRelativePath || file.name;
      // Hidden folders (.obsidian, .trash) and pictures are not notes: counted, not read.
      if (!isNotePath(path) || path.split('/').some((part) => part.startsWith('.'))) {
        others++;
        continue;
      }
      const bytes = await bytesOf(file);
      if (!bytes) return { ok: false, message: t('importerUnreadable', file.name) };
      files.push({ name: path, text: decoder.decode(bytes) });
    }
    if (files.length === 0) return { ok: false, message: t('importerNoNotes') };
    return { ok: true, source: { format, name, files, others } };
  }
  const file = chosen[0];
  if (!file) return { ok: false, message: t('importEmpty') };
  const bytes = await bytesOf(file);
  if (!bytes) return { ok: false, message: t('importerUnreadable', file.name) };
  const zipped = looksLikeZip(bytes) || /\.zip$/i.test(file.name);
  if (format === 'markdown') {
    if (!zipped && !isNotePath(file.name)) return { ok: false, message: t('importerNoNotes') };
    if (!zipped) {
      return {
        ok: true,
        source: {
          format,
          name,
          files: [{ name: file.name, text: decoder.decode(bytes) }],
          others: 0,
        },
      };
    }
    const read = await unzip(file, bytes, isNotePath);
    if (!read.ok) return read;
    if (read.files.length === 0) return { ok: false, message: t('importerNoNotes') };
    return { ok: true, source: { format, name, files: read.files, others: read.others } };
  }
  if (format === 'dayone') {
    if (!zipped)
      return {
        ok: true,
        source: { format, name, files: [{ name: file.name, text: decoder.decode(bytes) }] },
      };
    const read = await unzip(file, bytes, (path) => /\.json$/i.test(path));
    if (!read.ok) return read;
    if (read.files.length === 0) return { ok: false, message: t('importerDayOneNoJournal') };
    return { ok: true, source: { format, name, files: read.files } };
  }
  const text = decoder.decode(bytes);
  const scanned = format === 'daylio' ? scanDaylio(text, file.name) : scanCsv(text, file.name);
  if (!scanned.ok) return scanned;
  return format === 'daylio'
    ? { ok: true, source: { format, name, scan: scanned.scan as DaylioScan } }
    : { ok: true, source: { format, name, scan: scanned.scan as CsvScan } };
}
