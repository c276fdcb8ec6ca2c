// The open cases whose due date a calendar change moves (issue #7): each open case of every agency
// is projected with the calendar before and after the change (its own clock settings, as of today)
// and listed when the due date differs. A calendar import is rare, so a loop over open cases is fine.
import { projectCase } from '#core/cases/project-case.ts';
import type { CaseDeps } from '../case-ports.ts';
import type { AgencyStore, CalendarImpact, MovedDueDate } from '../ports.ts';
import { todayOf } from './case-context.ts';

export function calendarImpactOf(deps: CaseDeps & { readonly agencies: AgencyStore }): CalendarImpact {
  return {
    async openCasesMoved(before, after) {
      const { today } = todayOf(deps);
      const moved: MovedDueDate[] = [];
      for (const agency of await deps.agencies.list()) {
        const open = await deps.cases.listOpenOn(agency.id, today);
        if (open.length === 0) {
          continue;
        }
        const { settings } = await deps.cases.clockBasis(agency.id, today);
        for (const row of open) {
          const events = await deps.cases.listEvents(agency.id, row.id);
          const dueBefore = projectCase(events, { calendar: before, settings, today }).due;
          const dueAfter = projectCase(events, { calendar: after, settings, today }).due;
          if (dueBefore !== null && dueAfter !== null && dueBefore !== dueAfter) {
            moved.push({ agency: agency.slug, caseCode: row.caseCode, dueBefore, dueAfter });
          }
        }
      }
      return moved;
    },
  };
}
