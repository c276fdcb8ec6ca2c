// Binds the console's administration use cases (users, dashboard, calendar, settings, letter
// templates) over one database for the pages of src/web/console/admin (ConsoleAdminServices).
import { createDbAgencyStore } from '#adapters/db/agency-store.ts';
import { createDbCalendarStore } from '#adapters/db/calendar-store.ts';
import { createCaseStore } from '#adapters/db/case-store.ts';
import { createDashboardPorts } from '#adapters/db/dashboard-store.ts';
import { openAccess } from '#adapters/db/lazy-database.ts';
import { createLetterPorts } from '#adapters/db/letter-ports.ts';
import type { Db } from '#adapters/db/open-database.ts';
import { createSettingHistoryStore } from '#adapters/db/setting-history-store.ts';
import { createDbSettingsStore } from '#adapters/db/settings-store.ts';
import { calendarImpactOf } from '#app/cases/list-cases-moved-by-calendar.ts';
import { listAgencySettingHistory } from '#app/console/list-agency-setting-history.ts';
import { showDashboard } from '#app/console/show-dashboard.ts';
import { type AgencySettingsDeps, showAgencySettings, updateAgencySettings } from '#app/console/update-agency-settings.ts';
import {
  createUserAccount,
  disableUser,
  enableUser,
  grantUserRole,
  listUserAccounts,
  revokeUserRole,
  setUserPassword,
} from '#app/identity/administer-users.ts';
import type { IdentityDeps } from '#app/identity/identity-ports.ts';
import { importCalendarYear, previewCalendarYear } from '#app/import-calendar-year.ts';
import { listCalendarHistory } from '#app/list-calendar-history.ts';
import { listCalendarYears } from '#app/list-calendar-years.ts';
import { listLetterTemplates, resetLetterTemplate, setLetterTemplate } from '#app/manage-letter-templates.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { ConsoleAdminServices } from '#web/console/admin/admin-services.ts';

export function composeConsoleAdmin(db: Db, identity: IdentityDeps): ConsoleAdminServices {
  const access = openAccess(db);
  const clock = { now: identity.now };
  const agencies = createDbAgencyStore(access);
  const calendar = createDbCalendarStore(access);
  const cases = createCaseStore(db);
  const calendarDeps = { calendar, clock, calendarImpact: calendarImpactOf({ cases, agencies, clock }) };
  const letters = createLetterPorts(db);
  const settingsDeps: AgencySettingsDeps = {
    clock,
    letters,
    async settingsOf(slug) {
      const agency = await agencies.findBySlug(slug);
      if (agency === undefined) {
        throw new DomainError('NOT_FOUND', `未找到机关“${slug}”`);
      }
      return createDbSettingsStore(access, agency.id);
    },
  };
  const history = createSettingHistoryStore(db);
  const dashboard = createDashboardPorts(db);
  return {
    users: {
      list: (by, agency) => listUserAccounts(identity, { by, ...(agency === undefined ? {} : { agency }) }),
      create: (by, input) => createUserAccount(identity, { ...input, by, who: by.username }),
      disable: (by, username) => disableUser(identity, { username, by, who: by.username }),
      enable: (by, username) => enableUser(identity, { username, by, who: by.username }),
      setPassword: (by, username, password) => setUserPassword(identity, { username, password, by, who: by.username }),
      grant: (by, input) => grantUserRole(identity, { ...input, by, who: by.username }),
      revoke: (by, input) => revokeUserRole(identity, { ...input, by, who: by.username }),
    },
    dashboard: (agency) => showDashboard({ dashboard, now: identity.now }, { agency }),
    calendar: {
      years: () => listCalendarYears(calendarDeps),
      history: () => listCalendarHistory(calendarDeps),
      preview: (input) => previewCalendarYear(calendarDeps, input),
      import: (input) => importCalendarYear(calendarDeps, input),
    },
    settings: {
      show: (agency) => showAgencySettings(settingsDeps, { agency }),
      update: (input) => updateAgencySettings(settingsDeps, input),
      history: (agency) => listAgencySettingHistory(history, { agency }),
    },
    templates: {
      list: (agency) => listLetterTemplates(letters, { agency }),
      set: (input) => setLetterTemplate(letters, input),
      reset: (input) => resetLetterTemplate(letters, input),
    },
  };
}
