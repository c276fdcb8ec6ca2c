// AgencyStore on the database: the agencies of this instance (机关), each with a URL-safe slug, a
// Chinese name, a kind (部门 / 人民政府) and an optional parent (上级机关).
import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Agency, AgencyStore, NewAgency } from '#app/ports.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import { isoInstant } from './clock-rows.ts';
import type { DbAccess } from './lazy-database.ts';
import { agencies } from './schema.ts';

const parent = alias(agencies, 'parent');

const columns = {
  id: agencies.id,
  slug: agencies.slug,
  name: agencies.name,
  kind: agencies.kind,
  parent: parent.slug,
  createdAt: agencies.createdAt,
};

const present = (row: { createdAt: string } & Omit<Agency, 'createdAt'>): Agency => ({ ...row, createdAt: isoInstant(row.createdAt) });

export function createDbAgencyStore(access: DbAccess): AgencyStore {
  return {
    async add(agency: NewAgency): Promise<Agency> {
      const db = await access.write();
      return db.transaction(async (tx) => {
        let parentId: number | null = null;
        if (agency.parent !== undefined) {
          const [found] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, agency.parent));
          if (found === undefined) {
            throw new DomainError('NOT_FOUND', `上级机关“${agency.parent}”不存在，请先添加上级机关（gongkai agency add）`, {
              fields: { parent: '上级机关不存在' },
            });
          }
          parentId = found.id;
        }
        const [inserted] = await tx
          .insert(agencies)
          .values({ slug: agency.slug, name: agency.name, kind: agency.kind, parentId })
          .onConflictDoNothing({ target: agencies.slug })
          .returning({ id: agencies.id });
        if (inserted === undefined) {
          const [existing] = await tx.select({ name: agencies.name }).from(agencies).where(eq(agencies.slug, agency.slug));
          throw new DomainError('CONFLICT', `机关标识“${agency.slug}”已存在（${existing?.name ?? ''}），未作更改`, {
            fields: { slug: '机关标识已存在' },
          });
        }
        const [row] = await tx
          .select(columns)
          .from(agencies)
          .leftJoin(parent, eq(parent.id, agencies.parentId))
          .where(eq(agencies.id, inserted.id));
        return present(row!);
      });
    },
    async list(): Promise<readonly Agency[]> {
      const db = await access.read();
      if (db === undefined) {
        return [];
      }
      const rows = await db.select(columns).from(agencies).leftJoin(parent, eq(parent.id, agencies.parentId)).orderBy(asc(agencies.slug));
      return rows.map(present);
    },
    async findBySlug(slug: string): Promise<Agency | undefined> {
      const db = await access.read();
      if (db === undefined) {
        return undefined;
      }
      const [row] = await db
        .select(columns)
        .from(agencies)
        .leftJoin(parent, eq(parent.id, agencies.parentId))
        .where(eq(agencies.slug, slug));
      return row === undefined ? undefined : present(row);
    },
  };
}
