import CopyLink from "./CopyLink.tsx";
import { csrfHeader } from "@/lib/http/csrf_client.ts";

export interface CopyReplyProps {
  /** The reply as written, placeholders included. */
  text: string;
  /** Where a copy is counted (POST, CSRF header). */
  copyUrl: string;
  /** Already translated. */
  labels: { copy: string; copied: string; failed: string };
  /** The id of the reply's title, so the button names what it copies. */
  describedBy?: string;
}

/**
 * Copies a library reply to the clipboard and counts the copy for trainers
 * (a failed count never blocks the copy). Says what to do next: fill the
 * marked placeholders.
 */
export default function CopyReply(
  { text, copyUrl, labels, describedBy }: CopyReplyProps,
) {
  return (
    <CopyLink
      text={text}
      labels={labels}
      describedBy={describedBy}
      class="copy-reply"
      onCopied={() => {
        fetch(copyUrl, { method: "POST", headers: csrfHeader() }).catch(
          () => {},
        );
      }}
    />
  );
}
