import type { StaffHome as Home } from "@/lib/home/staff_home.ts";
import type { Language, Translate } from "@/lib/i18n/i18n.ts";
import { AdminHome } from "./AdminHome.tsx";
import { ManagerHome } from "./ManagerHome.tsx";
import { MentorHome } from "./MentorHome.tsx";
import { TrainerHome } from "./TrainerHome.tsx";

/** The home of a staff role: each starts at its own work. */
export function StaffHome(
  { home, t, lang }: { home: Home; t: Translate; lang: Language },
) {
  switch (home.role) {
    case "trainer":
      return <TrainerHome data={home.data} t={t} lang={lang} />;
    case "mentor":
      return <MentorHome cohorts={home.data} t={t} />;
    case "manager":
      return <ManagerHome teams={home.data} t={t} />;
    case "admin":
      return <AdminHome data={home.data} t={t} lang={lang} />;
  }
}
