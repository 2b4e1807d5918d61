import { useSignal } from "@preact/signals";

export interface CopyLinkProps {
  /** The text to copy (an invitation link). */
  text: string;
  /** Already translated: the button, and what it says after copying. */
  labels: { copy: string; copied: string; failed: string };
  /** Names what is copied, for screen readers ("复制 王小明 的链接"). */
  describedBy?: string;
}

/**
 * A copy button beside a link the page already shows in a read-only field
 * (which works without JavaScript: select and copy). Says when it copied.
 */
export default function CopyLink({ text, labels, describedBy }: CopyLinkProps) {
  const state = useSignal<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      state.value = "copied";
    } catch {
      state.value = "failed";
    }
  };
  return (
    <span class="copy-link">
      <button
        type="button"
        class="secondary small"
        onClick={copy}
        aria-describedby={describedBy}
      >
        {labels.copy}
      </button>
      <span role="status" class="meta">
        {state.value === "copied"
          ? labels.copied
          : state.value === "failed"
          ? labels.failed
          : ""}
      </span>
    </span>
  );
}
