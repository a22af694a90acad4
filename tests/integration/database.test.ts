import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReady } from '../../db/index.ts';
import { rowsOf } from '../../db/rows.ts';
import { areas, services } from '../../db/schema.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe(`the database (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('is the driver the environment asked for, fully migrated', async () => {
    expect(database.kind).toBe(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
    expect(await isReady(database.db)).toBe(true);
  });

  it('keeps a service and its areas, and refuses a second area with the same slug', async () => {
    const db = database.db;
    const [s] = await db.insert(services).values({ slug: 'test-yjs', name: 'Test YJS' }).returning();
    await db.insert(areas).values({ serviceId: s!.id, slug: 'north', name: 'North' });
    await expect(db.insert(areas).values({ serviceId: s!.id, slug: 'north', name: 'North again' })).rejects.toThrow();
    const rows = await db.select().from(areas).where(eq(areas.serviceId, s!.id));
    expect(rows.map((r) => r.name)).toEqual(['North']);
  });

  it('rolls a failed transaction back whole', async () => {
    const db = database.db;
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(services).values({ slug: 'half-written', name: 'Half' });
        await tx.insert(services).values({ slug: 'half-written', name: 'Duplicate' });
      }),
    ).rejects.toThrow();
    const rows = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from services where slug = 'half-written'`));
    expect(rows[0]!.n).toBe(0);
  });
});
