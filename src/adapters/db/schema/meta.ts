// Book-keeping of the database itself: which legacy JSON files were imported (once, on first start).
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const legacyImports = pgTable('legacy_imports', {
  /** The imported file, relative to the data directory (e.g. `settings.json`). */
  name: text('name').primaryKey(),
  importedAt: timestamp('imported_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  detail: text('detail').notNull(),
});
