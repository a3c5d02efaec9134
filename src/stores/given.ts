/**
 * Whether a patch gives a field: an update's statement sets each column
 * `CASE WHEN <given> THEN <value> ELSE <column> END`, so a field left undefined keeps its column and
 * one given as null clears it, in one statement whatever the patch holds.
 */
export const given = (value: unknown): boolean => value !== undefined;
