/**
 * Gmail's date titles, read where a sent time is used (the sidebar, the background): the content
 * script sends the title as the page writes it (lib/hosts/sent-time.ts).
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Russian month abbreviations as Gmail writes them ("26 дек. 2019 г., 22:53"), first three letters. */
const MONTHS_RU = ['янв', 'фев', 'мар', 'апр', 'мая', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];

function monthIndex(name: string): number {
  const prefix = name.toLowerCase().slice(0, 3);
  const en = MONTHS.indexOf(prefix);
  return en >= 0 ? en : MONTHS_RU.indexOf(prefix === 'май' ? 'мая' : prefix);
}

/**
 * Gmail's date titles, in the browser's time zone: "Tue, Mar 4, 2025, 9:14 AM" (US), "Tue, 4 Mar
 * 2025, 09:14" and "20 Aug 2025, 13:19" (UK), "26 дек. 2019 г., 22:53" (ru) and
 * "2016年5月4日 上午10:08" (zh/ja). Other locales are left undated.
 */
export function parseGmailDate(title: string): string | undefined {
  const t = title.replace(/\s+/g, ' ').trim();
  const us = t.match(/([A-Za-z]{3})[a-z]* (\d{1,2}),? (\d{4}),? (?:at )?(\d{1,2}):(\d{2}) ?([AP]M)?/i);
  const dayFirst = t.match(/(\d{1,2}) (\p{L}{3,})\.? (\d{4})(?: г\.)?,? (?:at )?(\d{1,2}):(\d{2}) ?([AP]M)?/iu);
  const cjk = t.match(/(\d{4})年(\d{1,2})月(\d{1,2})日 ?(?:[(（]\S[)）])? ?(上午|下午|午前|午後)?(\d{1,2}):(\d{2})/);
  let year: number, month: number, day: number, hour: number, minute: number;
  let pm: boolean | undefined;
  if (us || dayFirst) {
    const [name, d, y, h, min, ampm] = us
      ? [us[1], us[2], us[3], us[4], us[5], us[6]]
      : [dayFirst![2], dayFirst![1], dayFirst![3], dayFirst![4], dayFirst![5], dayFirst![6]];
    [year, month, day, hour, minute] = [Number(y), monthIndex(name), Number(d), Number(h), Number(min)];
    pm = ampm ? ampm.toUpperCase() === 'PM' : undefined;
  } else if (cjk) {
    [year, month, day, hour, minute] = [Number(cjk[1]), Number(cjk[2]) - 1, Number(cjk[3]), Number(cjk[5]), Number(cjk[6])];
    pm = cjk[4] ? cjk[4] === '下午' || cjk[4] === '午後' : undefined;
  } else {
    return undefined;
  }
  if (month < 0) return undefined;
  if (pm === true && hour < 12) hour += 12;
  if (pm === false && hour === 12) hour = 0;
  const date = new Date(year, month, day, hour, minute);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
