// String.prototype.isWellFormed is ES2024, past this project's lib; the same test as a pattern.
const NUL_OR_LONE_SURROGATE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether Postgres can store this string as text: neither U+0000 nor a lone UTF-16 surrogate. */
export const isStorable = (text: string) => !NUL_OR_LONE_SURROGATE.test(text);
