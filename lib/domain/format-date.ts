import type { EditionConfig } from './editions';

/** What a date is printed with: the edition's locale and the newsroom's time zone. */
type DateStyle = Pick<EditionConfig, 'locale' | 'timeZone'>;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(edition: DateStyle, kind: 'dateTime' | 'date' | 'longDate' | 'zone' | 'short'): Intl.DateTimeFormat {
  const key = `${edition.locale}|${edition.timeZone}|${kind}`;
  let f = formatters.get(key);
  if (!f) {
    const { locale, timeZone } = edition;
    const options: Intl.DateTimeFormatOptions =
      kind === 'dateTime'
        ? { dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23', timeZone }
        : kind === 'date'
          ? { day: 'numeric', month: 'long', year: 'numeric', timeZone }
          : kind === 'longDate'
            ? { dateStyle: 'long', timeZone }
            : kind === 'short'
              ? { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }
              : { timeZone, timeZoneName: 'short' };
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/** "27 April 2018 at 14:05 CEST": a byline time, in the newsroom's zone, with the zone named. */
export function formatDateTime(edition: DateStyle, iso: string): string {
  const date = new Date(iso);
  const zone = formatter(edition, 'zone')
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName')?.value;
  return zone ? `${formatter(edition, 'dateTime').format(date)} ${zone}` : formatter(edition, 'dateTime').format(date);
}

/** "27 April 2018": a card or list date, with the month named in every edition (a numeric date reads differently from one country to the next). */
export function formatDate(edition: DateStyle, iso: string): string {
  return formatter(edition, 'date').format(new Date(iso));
}

/** "28 April 2018": the date of a correction, in the newsroom's zone. */
export function formatLongDate(edition: DateStyle, iso: string): string {
  return formatter(edition, 'longDate').format(new Date(iso));
}

/** "27 Apr, 14:05": a time in a list of the latest stories. */
export function formatShortDateTime(edition: DateStyle, iso: string): string {
  return formatter(edition, 'short').format(new Date(iso));
}
