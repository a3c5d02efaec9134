// fast-check arbitraries for the fuzz test: values a careless or hostile client sends — unicode,
// huge and empty strings, injection-looking text, malformed hex, numbers out of range, NaN-ish
// values (JSON turns NaN and Infinity into null), wrong types — mixed with plausible ones so the
// fuzz also reaches the code behind input validation.
import fc from "fast-check";

const INJECTIONS = [
  "'; DROP TABLE brands; --",
  "\" OR 1=1 --",
  "1; DELETE FROM organizations",
  "MATCH (n) DETACH DELETE n",
  "'}) DETACH DELETE b RETURN 1 //",
  "$where",
  "{\"$gt\": \"\"}",
  "../../etc/passwd",
  "\u0000",
  "Brand\u0000name",
  "\ud800",
  "NaN",
  "Infinity",
  "-0",
  "null",
];

const MALFORMED_HEX = ["#GGGGGG", "#12", "12345", "#ABCDEFA", "#-1-1-1", "ｆｆｆ", "#ＡＢＣ", "# FFF", "##FFFFFF", "0xFFFFFF", "rgb(1,2,3)"];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string() },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom("", " ", "\t\n", ...INJECTIONS, ...MALFORMED_HEX) },
  { weight: 1, arbitrary: fc.integer({ min: 4_001, max: 120_000 }).map((n) => "é".repeat(n)) },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, 1.0000001, 2, 101, 2 ** 31, 2 ** 53 + 1, 1e308, -1e308, Number.NaN, Number.POSITIVE_INFINITY),
);

/** Any JSON value, of any type: what a variable of the wrong type carries. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(hostileString, hostileNumber), { maxLength: 3 }),
  fc.dictionary(hostileString, fc.oneof(hostileString, hostileNumber), { maxKeys: 3 }),
);

/** Mostly the plausible value, sometimes anything at all. */
export const mostly = <T>(plausible: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 2, arbitrary: hostileString }, { weight: 1, arbitrary: anyValue });

export const validHex = fc.oneof(
  fc.stringMatching(/^#?[0-9a-fA-F]{6}$/),
  fc.stringMatching(/^#?[0-9a-fA-F]{3}$/),
);

export const unitFloat = fc.double({ min: 0, max: 1, noNaN: true });

/** An input object: each field present or not, plausible or hostile; sometimes no object at all. */
export function hostileInput(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 5, arbitrary: fc.record(fields, { requiredKeys: [] }) }, { weight: 1, arbitrary: anyValue });
}
