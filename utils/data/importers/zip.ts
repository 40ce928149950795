/**
 * Reading the text files inside a zip (Day One's export, a zipped notes folder) with fflate,
 * pure: bytes in, named texts out. Only the options page loads it, lazily, when a zip is chosen.
 */
import { unzipSync } from 'fflate';
import { looksLikeZip } from './zip-sniff';

export interface NamedText {
  /** Path inside the zip or the chosen folder ("journals/2024_03_05.md"). */
  name: string;
  text: string;
}

export type ZipRead =
  | { ok: true; files: NamedText[]; others: number }
  | { ok: false; reason: 'notZip' | 'tooLarge' };

/** macOS's resource forks and hidden folders (.obsidian, .trash) are never notes. */
function hidden(name: string): boolean {
  return name.split('/').some((part) => part.startsWith('.') || part === '__MACOSX');
}

/**
 * The files of a zip that `accept` wants, decoded as UTF-8; `others` counts the files left
 * out (photos, settings). Refuses before inflating when the accepted files would unpack to
 * more than `maxBytes` (a zip bomb, or a photo library), and a file that is no zip.
 */
export function readZip(
  bytes: Uint8Array,
  accept: (name: string) => boolean,
  maxBytes: number,
): ZipRead {
  if (!looksLikeZip(bytes)) return { ok: false, reason: 'notZip' };
  let others = 0;
  let total = 0;
  let tooLarge = false;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        if (file.name.endsWith('/')) return false;
        if (hidden(file.name) || !accept(file.name)) {
          others++;
          return false;
        }
        total += file.originalSize;
        if (total > maxBytes) tooLarge = true;
        return !tooLarge;
      },
    });
  } catch {
    return { ok: false, reason: 'notZip' };
  }
  if (tooLarge) return { ok: false, reason: 'tooLarge' };
  const decoder = new TextDecoder();
  const files = Object.entries(entries)
    .map(([name, data]) => ({ name, text: decoder.decode(data) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ok: true, files, others };
}
