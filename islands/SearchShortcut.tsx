import { useEffect } from "preact/hooks";

export interface SearchShortcutProps {
  /** The id of the search field "/" focuses. */
  inputId: string;
}

/**
 * "/" focuses the search field from anywhere on the page, unless the
 * learner is typing in a field (then "/" is just a character).
 */
export default function SearchShortcut({ inputId }: SearchShortcutProps) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
      const el = e.target as HTMLElement | null;
      if (
        el && (el.isContentEditable ||
          ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName))
      ) return;
      const input = document.getElementById(inputId) as HTMLInputElement | null;
      if (!input) return;
      e.preventDefault();
      input.focus();
      input.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [inputId]);
  return null;
}
