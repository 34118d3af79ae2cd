/**
 * The environment variables the server reads. Kept here until apps/server/src/env.ts exists, so
 * no other file of the server reads process.env.
 */
export function readServerEnvironment(): { adminToken: string | undefined; databaseUrl: string | undefined } {
  return { adminToken: process.env.CORPUS_ADMIN_TOKEN, databaseUrl: process.env.CORPUS_DATABASE_URL };
}
