// Days as whole numbers (UTC days since 1970-01-01), and the ways Amazon's reports write them.
// Windows compare UTC calendar days (docs/rules.md), so every event of the world is placed on such a day, counted back
// from asOf and never from the real clock.

const MS_PER_DAY = 86_400_000;

export function utcDayOf(instant: Date): number {
  return Math.floor(instant.getTime() / MS_PER_DAY);
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** "HH:MM" for each minute of a day, computed once: millions of rows need one. */
const CLOCK = Array.from({ length: 24 * 60 }, (_, minute) => `${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}`);

function clock(minute: number): string {
  return CLOCK[Math.min(Math.max(Math.floor(minute), 0), CLOCK.length - 1)]!;
}

function firstSundayOnOrAfter(day: number): number {
  // Day 0 (1970-01-01) was a Thursday.
  const weekday = (((day + 4) % 7) + 7) % 7;
  return day + ((7 - weekday) % 7);
}

/** US daylight saving time: from the second Sunday of March to the first Sunday of November. */
function isPacificSummerTime(day: number): boolean {
  const year = new Date(day * MS_PER_DAY).getUTCFullYear();
  const start = firstSundayOnOrAfter(Date.UTC(year, 2, 1) / MS_PER_DAY) + 7;
  const end = firstSundayOnOrAfter(Date.UTC(year, 10, 1) / MS_PER_DAY);
  return day >= start && day < end;
}

interface DayLabels {
  iso: string;
  us: string;
  pacificOffset: string;
}

export class Calendar {
  /** asOf's UTC day: the "today" of the demo. */
  readonly asOfDay: number;
  /** The history covers [firstDay, lastDay]; the last day is the day before asOf. */
  readonly firstDay: number;
  readonly lastDay: number;
  readonly days: number;
  private readonly labels = new Map<number, DayLabels>();

  constructor(asOf: Date, historyDays: number) {
    this.asOfDay = utcDayOf(asOf);
    this.lastDay = this.asOfDay - 1;
    this.firstDay = this.asOfDay - historyDays;
    this.days = historyDays;
  }

  /** The day `age` days before asOf. */
  daysAgo(age: number): number {
    return this.asOfDay - age;
  }

  weekday(day: number): number {
    return (((day + 4) % 7) + 7) % 7;
  }

  /** 0 = January. */
  month(day: number): number {
    return new Date(day * MS_PER_DAY).getUTCMonth();
  }

  dayOfMonth(day: number): number {
    return new Date(day * MS_PER_DAY).getUTCDate();
  }

  private labelsOf(day: number): DayLabels {
    let labels = this.labels.get(day);
    if (!labels) {
      const date = new Date(day * MS_PER_DAY);
      const [year, month, dayOfMonth] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
      labels = {
        iso: `${year}-${pad2(month)}-${pad2(dayOfMonth)}`,
        us: `${pad2(month)}/${pad2(dayOfMonth)}/${year}`,
        pacificOffset: isPacificSummerTime(day) ? '-0700' : '-0800',
      };
      this.labels.set(day, labels);
    }
    return labels;
  }

  /** `2025-04-20` */
  isoDay(day: number): string {
    return this.labelsOf(day).iso;
  }

  /** `04/20/2025`, the ledger's Date column. */
  usDay(day: number): string {
    return this.labelsOf(day).us;
  }

  /** `2025-04-20T10:00:00-0700`: the ledger's Date and Time, in the Pacific time the day itself is written in. */
  pacificDateTime(day: number, minute: number): string {
    const labels = this.labelsOf(day);
    return `${labels.iso}T${clock(minute)}:00${labels.pacificOffset}`;
  }

  /** `2025-04-01T08:00:00+00:00` (reimbursements, customer returns). */
  utcIso(day: number, minute: number): string {
    return `${this.labelsOf(day).iso}T${clock(minute)}:00+00:00`;
  }

  /** `2025-04-15 12:00:00 UTC` (settlements). */
  utcSpaced(day: number, minute: number): string {
    return `${this.labelsOf(day).iso} ${clock(minute)}:00 UTC`;
  }
}
