import { defineConfig } from 'prisma/config';

// The datasource URL is only needed by Prisma's own CLI on a connected machine (`prisma migrate deploy`);
// Reclaim applies its migrations itself at start-up (src/db/migrate.ts).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
