/**
 * What the "Expected result" cell of a field row says about its values, read from the
 * phrasings of the Qermid workbooks: a range `20-300` or `between 1 and 50`, `min 0`,
 * `max 50 characters`, a decimal (`1 decimal`, `e.g. 72.5`), a postcode, a NIHII or a NISS
 * (the last two when the cell starts with their name).
 */
export interface ExpectedResult {
  decimal: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  postcode: boolean;
  nihii: boolean;
  niss: boolean;
  email: boolean;
}

const NUMBER = String.raw`-?\d+(?:[.,]\d+)?`;
const RANGE = new RegExp(String.raw`(${NUMBER})\s*(?:-|–|\.\.|to|tot|à)\s*(${NUMBER})`, "i");
const BETWEEN = new RegExp(
  String.raw`(?:between|tussen|entre)\s+(${NUMBER})\s+(?:and|en|et)\s+(${NUMBER})`,
  "i",
);
const MIN = new RegExp(String.raw`(?:\bmin(?:imum)?\.?|>=|≥)\s*(${NUMBER})`, "i");
const MAX = new RegExp(String.raw`(?:\bmax(?:imum)?\.?|<=|≤)\s*(${NUMBER})`, "i");
const LENGTH =
  /(?:\bmax(?:imum)?\.?\s*(\d+)\s*(?:characters|chars?|caracteres|caractères|tekens|karakters))|(?:(\d+)\s*(?:characters|chars?|caracteres|caractères|tekens|karakters)\s*max)/i;
const DECIMAL_WORD =
  /\b(decimal|decimals|décimale?s?|decimaal|decimalen|komma|after the comma|na de komma)\b/i;
const FRACTION = /\d[.,]\d/;

function numberOf(text: string): number {
  return Number(text.replace(",", "."));
}

export function parseExpectedResult(text: string): ExpectedResult {
  const result: ExpectedResult = {
    decimal: DECIMAL_WORD.test(text) || FRACTION.test(text),
    postcode: /\b(postcode|postal code|code postal|postcodes)\b/i.test(text),
    // Only a cell that starts with the identifier's name says the value is one: "generated
    // when the patient has no NISS" describes another identifier.
    nihii: /^\W*(nihii|riziv|inami)\b/i.test(text),
    niss: /^\W*(niss|insz|ssin|rijksregister|registre national|national regist)/i.test(text),
    email: /\be-?mail\b/i.test(text),
  };
  const length = LENGTH.exec(text);
  if (length) {
    result.maxLength = Number(length[1] ?? length[2]);
    return result;
  }
  // A date pattern or a digit count says nothing about a range.
  const plain = text.replace(/\b\d+\s*(digits|cijfers|chiffres)\b/gi, " ");
  const range = BETWEEN.exec(plain) ?? RANGE.exec(plain);
  if (range?.[1] !== undefined && range[2] !== undefined) {
    const [low, high] = [numberOf(range[1]), numberOf(range[2])];
    if (low <= high) {
      result.min = low;
      result.max = high;
    }
    return result;
  }
  const min = MIN.exec(plain)?.[1];
  const max = MAX.exec(plain)?.[1];
  if (min !== undefined) result.min = numberOf(min);
  if (max !== undefined) result.max = numberOf(max);
  return result;
}
