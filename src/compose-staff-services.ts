// Binds the letter, letter-template and daily-job use cases over one database to what the staff API
// calls (LetterServices, JobServices): the server's counterpart of the CLI's `letter` and `jobs`.
import { createDbCalendarStore } from '#adapters/db/calendar-store.ts';
import { openAccess } from '#adapters/db/lazy-database.ts';
import { createDailyJobStore, createLetterPorts } from '#adapters/db/letter-ports.ts';
import type { Db } from '#adapters/db/open-database.ts';
import type { JobServices, LetterServices } from '#adapters/http/http-services.ts';
import { loadCalendarInForce } from '#app/clock-environment.ts';
import { listLetterTemplates, resetLetterTemplate, setLetterTemplate } from '#app/manage-letter-templates.ts';
import { renderCaseLetter } from '#app/render-case-letter.ts';
import { runDailyJob } from '#app/run-daily-job.ts';
import { type LocalDate, shanghaiDateOf } from '#core/calendar/local-date.ts';

export function composeStaffServices(db: Db, now: () => Date): { letters: LetterServices; jobs: JobServices } {
  const letterPorts = createLetterPorts(db);
  const calendar = createDbCalendarStore(openAccess(db));
  return {
    letters: {
      async caseLetterDocx({ actor, caseCode, mayIssue }) {
        const made = await renderCaseLetter(letterPorts, { caseCode, actor: actor.username, mayIssue });
        const { renderLetterDocx } = await import('#adapters/documents/letter-docx.ts');
        return { docNumber: made.docNumber, bytes: await renderLetterDocx(made.letter) };
      },
      listLetterTemplates: ({ agency }) => listLetterTemplates(letterPorts, { agency }),
      setLetterTemplate: ({ actor, ...input }) => setLetterTemplate(letterPorts, { ...input, actor: actor.username }),
      resetLetterTemplate: (input) => resetLetterTemplate(letterPorts, input),
    },
    jobs: {
      async runDailyJob(input) {
        const day = (input.day ?? shanghaiDateOf(now())) as LocalDate;
        const { createSmtpMailer } = await import('#adapters/mail/smtp-mailer.ts');
        const mailer = createSmtpMailer();
        try {
          const agencies = await runDailyJob(
            {
              ...createDailyJobStore(db),
              loadCalendar: (asOf) => loadCalendarInForce(calendar, asOf),
              async sendMail({ host, port, secure, from, to, subject, text }) {
                await mailer.send({ host, port, secure, from }, { to, subject, text });
              },
            },
            { day },
          );
          return { day, agencies };
        } finally {
          mailer.close();
        }
      },
    },
  };
}
