// The closed industry taxonomy: the 20 sectors of the North American Industry Classification System
// (NAICS 2022, U.S. Census Bureau, https://www.census.gov/naics/), the classification's first level.
// A small public standard, so a brand's industry means the same in every organization and the
// pattern statistics pool like with like. The code is the sector's own ("31-33" spans three
// two-digit codes); the migration's CHECK constraint holds the same list.
import { badInput } from "../errors/codes.ts";

export const INDUSTRIES = [
  { code: "11", name: "Agriculture, Forestry, Fishing and Hunting" },
  { code: "21", name: "Mining, Quarrying, and Oil and Gas Extraction" },
  { code: "22", name: "Utilities" },
  { code: "23", name: "Construction" },
  { code: "31-33", name: "Manufacturing" },
  { code: "42", name: "Wholesale Trade" },
  { code: "44-45", name: "Retail Trade" },
  { code: "48-49", name: "Transportation and Warehousing" },
  { code: "51", name: "Information" },
  { code: "52", name: "Finance and Insurance" },
  { code: "53", name: "Real Estate and Rental and Leasing" },
  { code: "54", name: "Professional, Scientific, and Technical Services" },
  { code: "55", name: "Management of Companies and Enterprises" },
  { code: "56", name: "Administrative and Support and Waste Management and Remediation Services" },
  { code: "61", name: "Educational Services" },
  { code: "62", name: "Health Care and Social Assistance" },
  { code: "71", name: "Arts, Entertainment, and Recreation" },
  { code: "72", name: "Accommodation and Food Services" },
  { code: "81", name: "Other Services (except Public Administration)" },
  { code: "92", name: "Public Administration" },
] as const;

export type IndustryCode = (typeof INDUSTRIES)[number]["code"];

export const INDUSTRY_CODES: readonly IndustryCode[] = INDUSTRIES.map((i) => i.code);

const NAMES = new Map<string, string>(INDUSTRIES.map((i) => [i.code, i.name]));

export const industryName = (code: string): string | null => NAMES.get(code) ?? null;

/** A sector code as NAICS writes it ("52", "31-33"), surrounding spaces ignored; anything else names `field`. */
export function parseIndustry(value: string, field: string): IndustryCode {
  const code = value.trim();
  if (!NAMES.has(code)) throw badInput(field, `"${value}" is not a NAICS 2022 sector code (${INDUSTRY_CODES.join(", ")})`);
  return code as IndustryCode;
}

/** For brand inputs, where null clears the industry. */
export const parseOptionalIndustry = (value: string | null, field: string): IndustryCode | null =>
  value === null ? null : parseIndustry(value, field);
