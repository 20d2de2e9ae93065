/**
 * A file's bytes as text. Bundles and most CSV exports are UTF-8, but Excel on Windows still saves
 * "CSV" in the Windows-1252 code page: decoded as UTF-8, "Société Générale" would arrive as
 * "Soci�t� G�n�rale" and be stored that way. Bytes that are not valid UTF-8 are read as
 * Windows-1252 instead (every byte means a character there), and the outcome says so.
 */
export interface DecodedText {
  text: string;
  /** Set when the file was not UTF-8; shown with the outcome. */
  note?: string;
}

export const WINDOWS_1252_NOTE =
  'The file is not UTF-8: it was read as Windows-1252 (the encoding Excel uses on Windows). Check that names with accents came through right; saving as "CSV UTF-8" avoids this.';

export function decodeFileBytes(bytes: ArrayBuffer | Uint8Array): DecodedText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), note: WINDOWS_1252_NOTE };
  }
}
