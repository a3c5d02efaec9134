// The driver adapter the Prisma CLI migrates through (prisma.config.ts).
//
// adapter-pg 6.19 rejects Postgres catalog columns of type `name` (oid 19) that the schema engine
// reads while migrating (prisma/orm#27403). A `name` is text on the wire, so presenting those
// columns as `text` (oid 25) before the adapter sees them is exact, not a guess.
//
// The adapter also splits a migration script at every semicolon, even inside a function body, so a
// PL/pgSQL function (the capture triggers') could not be created. Sent whole instead, over the
// simple query protocol, a script runs as Postgres runs it from psql, and atomically: one implicit
// transaction.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

const NAME_OID = 19;
const TEXT_OID = 25;

function namesAsText(res: pg.QueryResult | undefined): pg.QueryResult | undefined {
  for (const field of res?.fields ?? []) {
    if (field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
  }
  return res;
}

class CatalogNamesAsTextClient extends pg.Client {
  // pg's overloads cannot be restated in a subclass. Pool.query passes a callback, a checked-out
  // client (transactions) gets a promise: patch both.
  override query(...args: unknown[]): any {
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (err: Error | null, res: pg.QueryResult) => callback(err, namesAsText(res));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return result instanceof Promise ? result.then(namesAsText) : result;
  }
}

type ConnectedAdapter = Awaited<ReturnType<PrismaPg["connect"]>> & { onError(error: unknown): never };

export function migrationAdapter(connectionString: string): PrismaPg {
  const factory = new PrismaPg({ connectionString, Client: CatalogNamesAsTextClient } as pg.PoolConfig);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = (await connect()) as ConnectedAdapter;
    const pool = adapter.underlyingDriver() as pg.Pool;
    adapter.executeScript = async (script: string) => {
      await pool.query(script).catch((error: unknown) => adapter.onError(error));
    };
    return adapter;
  };
  return factory;
}
