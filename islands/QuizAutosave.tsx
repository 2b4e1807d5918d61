import type { ComponentChildren } from "preact";
import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";

export interface QuizAutosaveProps {
  /** Where the form's fields are posted as they change. */
  saveUrl: string;
  csrfToken: string;
  labels: { saved: string; saving: string; failed: string };
  /** The server-rendered quiz form. */
  children?: ComponentChildren;
}

/**
 * Saves answers as the learner works, so a reload or another device resumes
 * the attempt. The form itself works without it.
 */
export default function QuizAutosave(props: QuizAutosaveProps) {
  const root = useRef<HTMLDivElement>(null);
  const status = useSignal<"idle" | "saving" | "saved" | "failed">("idle");
  useEffect(() => {
    const el = root.current;
    const form = el?.querySelector("form");
    if (!el || !form) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = async () => {
      status.value = "saving";
      try {
        const body = new URLSearchParams(
          new FormData(form) as unknown as Record<string, string>,
        );
        const res = await fetch(props.saveUrl, {
          method: "POST",
          body,
          headers: { "x-csrf-token": props.csrfToken },
        });
        status.value = res.ok ? "saved" : "failed";
      } catch {
        status.value = "failed";
      }
    };
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(save, 400);
    };
    form.addEventListener("change", onChange);
    form.addEventListener("input", onChange);
    return () => {
      form.removeEventListener("change", onChange);
      form.removeEventListener("input", onChange);
      clearTimeout(timer);
    };
  }, []);
  const text = status.value === "saving"
    ? props.labels.saving
    : status.value === "saved"
    ? props.labels.saved
    : status.value === "failed"
    ? props.labels.failed
    : "";
  return (
    <div ref={root}>
      <p class="autosave" role="status" data-status={status.value}>{text}</p>
      {props.children}
    </div>
  );
}
