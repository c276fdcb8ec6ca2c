// The one definition of the database (architecture.md, Migrations). Each area keeps its tables in its
// own file under ./schema/ (fewer merge conflicts); this module re-exports them all, and drizzle-kit
// reads the same files (drizzle.config.ts) to generate the SQL migrations in ./migrations/.
export * from './schema/agencies.ts';
export * from './schema/attachments.ts';
export * from './schema/calendar.ts';
export * from './schema/case-assignments.ts';
export * from './schema/cases.ts';
export * from './schema/identity.ts';
export * from './schema/letters.ts';
export * from './schema/meta.ts';
export * from './schema/reminders.ts';
export * from './schema/reports.ts';
export * from './schema/sessions.ts';
export * from './schema/settings.ts';
