// What the console's administration pages need from the application, bound over one database by the
// composition root (src/compose-console-admin.ts): the user, dashboard, calendar, settings and
// letter-template use cases. The pages pass the signed-in actor; the use cases decide what it may do.

import type { SettingHistoryRow } from '#app/console/list-agency-setting-history.ts';
import type { Dashboard } from '#app/console/show-dashboard.ts';
import type { AgencySettings, UpdateAgencySettingsInput } from '#app/console/update-agency-settings.ts';
import type { DisableResult } from '#app/identity/administer-users.ts';
import type { Actor } from '#app/identity/identity-ports.ts';
import type { UserAccount } from '#app/identity/user-admin-ports.ts';
import type { CalendarImportPreview, ImportCalendarYearInput, ImportCalendarYearResult } from '#app/import-calendar-year.ts';
import type { CalendarHistory } from '#app/list-calendar-history.ts';
import type { CalendarYearSummary } from '#app/list-calendar-years.ts';
import type { TemplateView } from '#app/manage-letter-templates.ts';
import type { RoleGrant } from '#core/identity/access-policy.ts';

export interface ConsoleAdminServices {
  readonly users: {
    list(by: Actor, agency?: string): Promise<readonly UserAccount[]>;
    create(by: Actor, input: { username: string; agency: string; role: string; password: string }): Promise<UserAccount>;
    disable(by: Actor, username: string): Promise<DisableResult>;
    enable(by: Actor, username: string): Promise<{ readonly changed: boolean; readonly tokensRestored: number }>;
    setPassword(by: Actor, username: string, password: string): Promise<{ readonly sessionsEnded: number }>;
    grant(
      by: Actor,
      input: { username: string; agency: string; role: string },
    ): Promise<{ readonly added: boolean; readonly grant: RoleGrant }>;
    revoke(by: Actor, input: { username: string; agency: string; role: string }): Promise<{ readonly remaining: readonly RoleGrant[] }>;
  };
  dashboard(agency: string): Promise<Dashboard>;
  readonly calendar: {
    years(): Promise<readonly CalendarYearSummary[]>;
    history(): Promise<CalendarHistory>;
    preview(input: ImportCalendarYearInput): Promise<CalendarImportPreview>;
    import(input: ImportCalendarYearInput): Promise<ImportCalendarYearResult>;
  };
  readonly settings: {
    show(agency: string): Promise<AgencySettings>;
    update(input: UpdateAgencySettingsInput): Promise<{ readonly changed: readonly string[] }>;
    history(agency: string): Promise<readonly SettingHistoryRow[]>;
  };
  readonly templates: {
    list(agency: string): Promise<readonly TemplateView[]>;
    set(input: { agency: string; family: string; title: string; addressee: string; body: string; actor: string }): Promise<TemplateView>;
    reset(input: { agency: string; family: string }): Promise<{ readonly removed: boolean }>;
  };
}
