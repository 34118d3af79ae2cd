import * as z from "zod";

/**
 * A date as precise as the page gives it, and no more precise: "2021", "April 2021",
 * "April 29" (no year) and "Thursday, April 29, 2021" are all partial dates.
 * `inferred` marks any part the parser supplied rather than read (for example a year
 * taken from the page's other dates); a date the page does not give is left out entirely.
 */
export const partialDateSchema = z
  .strictObject({
    year: z.int().min(1000).max(9999).optional(),
    month: z.int().min(1).max(12).optional(),
    day: z.int().min(1).max(31).optional(),
    inferred: z.boolean().optional(),
  })
  .superRefine((date, context) => {
    if (date.year === undefined && date.month === undefined && date.day === undefined) {
      context.addIssue({ code: "custom", message: "a date needs at least a year, a month or a day" });
    }
    if (date.day !== undefined && date.month === undefined) {
      context.addIssue({ code: "custom", path: ["month"], message: "a day needs a month" });
    }
    if (date.day !== undefined && date.month !== undefined && date.day > daysInMonth(date.month, date.year)) {
      context.addIssue({
        code: "custom",
        path: ["day"],
        message: `day ${date.day} does not exist in month ${date.month}${date.year ? ` of ${date.year}` : ""}`,
      });
    }
  })
  .meta({
    id: "PartialDate",
    description:
      "A calendar date with each part optional (year, month, day); `inferred` marks parts supplied by the parser rather than read from the source.",
  });

export type PartialDate = z.infer<typeof partialDateSchema>;

function daysInMonth(month: number, year: number | undefined): number {
  if (month === 2) {
    // Without a year, February 29 is possible, so allow it.
    if (year === undefined) return 29;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * ISO-8601-like text: "2021-04-29", "2021-04", "2021", "--04-29" (month-day without year). For
 * people rather than programs, `unknownYear` stands in the year's place ("????-04-29"): the
 * ISO form of a year-less date reads as a typo.
 */
export function formatPartialDate(date: PartialDate, options: { unknownYear?: string } = {}): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  if (date.year === undefined && options.unknownYear !== undefined) {
    const rest = [date.month, date.day]
      .filter((part) => part !== undefined)
      .map((part) => pad(part as number));
    return [options.unknownYear, ...rest].join("-");
  }
  if (date.year === undefined) {
    if (date.month === undefined) return `---${pad(date.day ?? 1)}`;
    return date.day === undefined ? `--${pad(date.month)}` : `--${pad(date.month)}-${pad(date.day)}`;
  }
  if (date.month === undefined) return String(date.year);
  return date.day === undefined
    ? `${date.year}-${pad(date.month)}`
    : `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/**
 * The earliest and latest day a partial date can mean, as yyyymmdd numbers, so that
 * "2021" sorts and filters sensibly against "2021-04-29". Dates without a year have no range.
 */
export function partialDateBounds(date: PartialDate): { earliest: number; latest: number } | null {
  if (date.year === undefined) return null;
  const startMonth = date.month ?? 1;
  const endMonth = date.month ?? 12;
  const startDay = date.day ?? 1;
  const endDay = date.day ?? daysInMonth(endMonth, date.year);
  return {
    earliest: date.year * 10000 + startMonth * 100 + startDay,
    latest: date.year * 10000 + endMonth * 100 + endDay,
  };
}

/** Orders dates by their earliest possible day; dates without a year sort last. */
export function comparePartialDates(left: PartialDate | undefined, right: PartialDate | undefined): number {
  const a = left ? partialDateBounds(left) : null;
  const b = right ? partialDateBounds(right) : null;
  if (!a && !b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return a.earliest - b.earliest || a.latest - b.latest;
}
