import type { Scenario } from "@/lib/content/schema.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";

/** Who the learner is talking to: name, channel, complaint psychology, background. */
export function PersonaCard(
  { scenario, t }: { scenario: Scenario; t: Translate },
) {
  const p = scenario.persona;
  return (
    <aside class="persona-card" aria-label={t("scenario.persona")}>
      <span class="avatar" aria-hidden="true">{p.name.slice(0, 1)}</span>
      <div>
        <p class="persona-name">{p.name}</p>
        <p class="meta">
          <span>{t(`scenario.channel.${p.channel}`)}</span>
          <span>{t(`scenario.psychology.${p.psychology}`)}</span>
          <span>
            {t("scenario.first_response", {
              count: scenario.firstResponseSeconds,
            })}
          </span>
        </p>
        {p.background && <p class="persona-background">{p.background}</p>}
      </div>
    </aside>
  );
}
