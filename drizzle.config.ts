// drizzle-kit configuration (drizzle-kit needs the default export; biome.json allows it here only): `./gongkai npm run db:generate` writes a numbered SQL migration from the
// schema files (review it like code; never edit one after it landed).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/adapters/db/schema/*.ts',
  out: './src/adapters/db/migrations',
  strict: true,
  verbose: true,
});
