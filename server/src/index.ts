/** The reference server, for tests and for embedding in another Node program. */
export { startServer, PAGE_CSP, SESSION_COOKIE, FAULTS, type Fault, type RunningServer, type StartOptions } from './app.js';
export { defaultConfig, loadConfig, REPO_ROOT, type ServerConfig } from './config.js';
export { buildOpenApi } from './openapi.js';
export { openSqliteRepository, SCHEMA_VERSION } from './sqlite.js';
export { HttpError, Service } from './service.js';
export type * from './repository.js';
