/**
 * The floor under the list API/raw ratio on this machine: a bare Fastify server (no plugins, no
 * sign-in, no Rapport code) whose one route runs the list page's captured SQL with the page built as
 * JSON by the database itself (`json_agg(row_to_json(…))`), and sends that text as it comes. Read by the
 * same bench client as the API. Its ratio to the raw SQL is what any HTTP API over this engine, in this
 * process, pays at least: the round trip, the body on the wire, and the client's JSON parsing.
 */
import Fastify, { type FastifyInstance } from 'fastify'
import { CompiledQuery } from 'kysely'
import type { BenchEngine } from './engines.ts'
import { HttpClient } from './http-client.ts'
import type { CapturedQuery } from './scenarios.ts'

export interface HttpFloor {
  client: HttpClient
  /** The path that serves `query`'s first `rows` rows (the API reads one more to know of a next page) as `{ "data": [...] }`. */
  pathFor(query: CapturedQuery, rows: number): string
  close(): Promise<void>
}

export async function startHttpFloor(bench: BenchEngine): Promise<HttpFloor> {
  const queries: Array<{ query: CapturedQuery; rows: number }> = []
  const app: FastifyInstance = Fastify()
  app.get<{ Params: { index: string } }>('/floor/:index', async (request, reply) => {
    const { query, rows } = queries[Number(request.params.index)]
    const sql = `select coalesce(json_agg(row_to_json(page)), '[]')::text as data from (select * from (${query.sql}) as fetched limit ${rows}) as page`
    const result = await bench.database.db.executeQuery<{ data: string }>(CompiledQuery.raw(sql, [...query.parameters]))
    return reply.type('application/json').send(`{"data":${result.rows[0].data}}`)
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const client = new HttpClient(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`)
  return {
    client,
    pathFor(query, rows) {
      queries.push({ query, rows })
      return `/floor/${queries.length - 1}`
    },
    async close() {
      client.close()
      await app.close()
    },
  }
}
