// A module's manifest: what it owns (migrations), what it serves (pages and API routes).
// Core runs every module's migrations and mounts their routes; it never imports a module.
import type { Hono } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Migration } from './db/index.ts';
import type { AppEnv, AppServices } from './http/context.ts';
import type { TextKeyword } from './texts.ts';

export interface ModuleManifest {
  readonly name: string;
  readonly migrations: readonly Migration[];
  /** Mounts the module's pages. */
  pages?(app: Hono<AppEnv>): void;
  /** Mounts the module's JSON API under /api/v1, described in the OpenAPI document. */
  api?(api: OpenAPIHono<AppEnv>): void;
  /** Keywords the module answers on the cities' text lines (see core/texts.ts). */
  textKeywords?: readonly TextKeyword[];
  /** Says who runs the module's background jobs (services.jobs.define). */
  jobs?(services: AppServices): void;
}
