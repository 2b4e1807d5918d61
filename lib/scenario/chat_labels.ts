import type { Translate } from "@/lib/i18n/i18n.ts";

/** Translated text for the chat (the island holds no catalog). */
export interface ScenarioChatLabels {
  typing: string;
  /** With `{seconds}` left in, filled by the island. */
  timer: string;
  timerLate: string;
  mood: string;
  send: string;
  sending: string;
  replyLabel: string;
  error: string;
  debrief: string;
  you: string;
  coach: string;
  ended: string;
  chars: string;
  /** Between a label and its text: "：" in Chinese, ": " in English. */
  separator: string;
}

/** The chat island's text in the request's language. */
export function chatLabels(t: Translate): ScenarioChatLabels {
  return {
    typing: t("scenario.typing"),
    timer: t("scenario.timer"),
    timerLate: t("scenario.timer_late"),
    mood: t("scenario.mood"),
    send: t("scenario.send"),
    sending: t("scenario.sending"),
    replyLabel: t("scenario.reply_label"),
    error: t("scenario.error"),
    debrief: t("scenario.debrief"),
    you: t("scenario.you"),
    coach: t("scenario.coach"),
    ended: t("scenario.ended"),
    separator: t("learner.label_separator"),
    chars: t("scenario.chars"),
  };
}
