import { useSignal } from "@preact/signals";

export interface CopyLinkProps {
  /** The text to copy (an invitation link). */
  text: string;
  /** Already translated: the button, and what it says after copying. */
  labels: { copy: string; copied: string; failed: string };
  /** Names what is copied, for screen readers ("复制 王小明 的链接"). */
  describedBy?: string;
  /** Called after a successful copy (only from another island, e.g. to count it). */
  onCopied?: () => void;
  /** The wrapper's class, for a caller that lays the button out its own way. */
  class?: string;
}

/**
 * A copy button beside a link the page already shows in a read-only field
 * (which works without JavaScript: select and copy). Says when it copied.
 */
export default function CopyLink(
  { text, labels, describedBy, onCopied, class: className = "copy-link" }:
    CopyLinkProps,
) {
  const state = useSignal<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      state.value = "copied";
    } catch {
      state.value = "failed";
      return;
    }
    onCopied?.();
  };
  return (
    <span class={className}>
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
