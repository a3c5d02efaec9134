import type { RecordFeedbackInput, UpdateFeedbackInput } from "../generated/graphql.ts";
import { ifGiven, oneOf, optionalText } from "./fieldRules.ts";

/** The graph's pairing query counts assets with an `approve`; the set is closed for that reason. */
export const FEEDBACK_ACTIONS = ["approve", "reject"] as const;
export type FeedbackAction = (typeof FEEDBACK_ACTIONS)[number];

export interface FeedbackDraft {
  readonly assetId: string;
  readonly action: FeedbackAction;
  readonly reason: string | null;
}

export const parseFeedbackAction = (value: string, field: string): FeedbackAction => oneOf(value, FEEDBACK_ACTIONS, field);

export const parseRecordFeedbackInput = (input: RecordFeedbackInput): FeedbackDraft => ({
  assetId: input.assetId,
  action: parseFeedbackAction(input.action, "input.action"),
  reason: optionalText(input.reason, "input.reason") ?? null,
});

/** Fields left undefined stay as they are; a null reason clears it, a null action is refused. */
export type FeedbackPatch = Partial<Pick<FeedbackDraft, "action" | "reason">>;

export const parseUpdateFeedbackInput = (input: UpdateFeedbackInput): FeedbackPatch => ({
  action: ifGiven(input.action, "input.action", parseFeedbackAction),
  reason: optionalText(input.reason, "input.reason"),
});
