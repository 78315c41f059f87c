import type { Dialect as KyselyDialect, DialectAdapter, Kysely } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/**
 * Marks a Kysely dialect's adapter with which SQL it speaks. Not `instanceof PostgresAdapter`:
 * Next bundles Kysely once per entry (instrumentation, each route), while the store is one
 * object for the whole process, so its adapter may come from another copy of the class.
 * A registered symbol is the same in every copy.
 */
const dialectKey = Symbol.for('newsroom.store.dialect');

export function markDialect<T extends KyselyDialect>(dialect: T, name: Dialect): T {
  const createAdapter = dialect.createAdapter.bind(dialect);
  dialect.createAdapter = (): DialectAdapter => Object.assign(createAdapter(), { [dialectKey]: name });
  return dialect;
}

/** Which SQL a Kysely instance (or a transaction of it) speaks: where the two differ, the repository asks. */
export function dialectOf(db: Kysely<any>): Dialect {
  return (db.getExecutor().adapter as DialectAdapter & { [dialectKey]?: Dialect })[dialectKey] ?? 'sqlite';
}
