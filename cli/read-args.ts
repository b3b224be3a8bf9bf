import { type ParseArgsConfig, parseArgs } from "node:util";
import { LOCALES, type Locale } from "../shared-schema/src/dcd.ts";
import { isIsoDate } from "../shared-schema/src/field-schema.ts";
import { UsageError } from "./usage-error.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * node:util's parseArgs, strict, with positionals; its errors (an unknown option, a value
 * missing) become UsageErrors, so that every command answers them the same way.
 */
export function readArgs<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (error) {
    // parseArgs's messages end with "To specify a positional argument starting with a '-'…".
    const message = (error as Error).message.replace(/\. To specify.*$/s, ".");
    throw new UsageError(message);
  }
}

/** `--locale`: one of fr, nl, de, en (default en). */
export function readLocale(value: string | undefined): Locale {
  if (value === undefined) return "en";
  if (!LOCALES.includes(value as Locale)) {
    throw new UsageError(`--locale ${value} is not supported: use fr, nl, de or en.`);
  }
  return value as Locale;
}

/** `--date`: an ISO date, as the nomenclature's validity periods are written. */
export function readDate(value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoDate(value)) {
    throw new UsageError(`--date ${value} is not a date: use YYYY-MM-DD, e.g. 2026-03-02.`);
  }
  return value;
}

/** `--hd4dp`, `--worker`: a base URL without its trailing slashes. */
export function readBaseUrl(option: string, value: string): string {
  if (!/^https?:\/\/[^/\s]+/.test(value)) {
    throw new UsageError(`--${option} ${value} is not an http(s) URL.`);
  }
  return value.replace(/\/+$/, "");
}
