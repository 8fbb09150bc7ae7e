#!/usr/bin/env node
/**
 * The server's command line:
 *
 *   serve [flags]                  the page at /, the API at /v1 (see config.ts for the flags)
 *   pay-voucher <number> [flags]   pays a konbini voucher, as the shop's till would
 *   openapi [--out file]           writes the OpenAPI document (stdout without --out)
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './app.js';
import { loadConfig } from './config.js';
import { buildOpenApi } from './openapi.js';
import { HttpError, Service } from './service.js';
import { openSqliteRepository } from './sqlite.js';

const [command = 'serve', ...args] = process.argv.slice(2);

async function main(): Promise<number> {
  const { config, rest, flags } = loadConfig(args);
  switch (command) {
    case 'serve': {
      const server = await startServer({ config });
      const lines = [
        `eSIM renewal server on ${server.url}`,
        config.staticDir ? `  page      ${server.url}/` : '  page      (none: --static-dir=none)',
        `  API       ${server.url}/v1   contract ${server.url}/openapi.json`,
        server.adminUrl ? `  admin     ${server.adminUrl}/admin (loopback only)` : '  admin     off',
        `  data      ${config.dataDir}`,
        config.demo
          ? `  demo      on: demo page notice; vouchers paid ${config.voucherDelaySeconds >= 0 ? `${config.voucherDelaySeconds} s after they are issued` : 'by pay-voucher or the admin endpoint only'}`
          : '  demo      off',
        `  activation ${config.activation}${config.activation === 'delayed' ? ` (${config.activationDelaySeconds} s)` : ''}${config.testFaults ? '; TEST FAULTS ENABLED' : ''}`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
      const stop = () => {
        server.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return -1;
    }
    case 'pay-voucher': {
      const number = rest[0]?.replace(/\s/g, '');
      if (!number) {
        process.stderr.write('usage: pay-voucher <voucher-number> [--data-dir=…]\n');
        return 2;
      }
      const file = join(config.dataDir, 'esim.db');
      if (!existsSync(file)) {
        process.stderr.write(`no database at ${file}: start the server first, or pass --data-dir\n`);
        return 1;
      }
      const repo = await openSqliteRepository(file);
      try {
        const service = new Service({
          repo,
          secret: Buffer.alloc(32), // signs card tokens: not needed to pay a voucher
          sessionTtlMs: config.sessionTtlSeconds * 1000,
          activation: { mode: config.activation, delayMs: config.activationDelaySeconds * 1000 },
          signIn: { maxFailures: 5, maxFailuresPerAddress: 20, lockoutMs: 60_000 },
        });
        const { paymentId, result } = await service.payVoucher(number);
        const said = {
          paid: `voucher ${number} paid: payment ${paymentId} succeeded`,
          'already-paid': `voucher ${number} was paid already (payment ${paymentId})`,
          'order-paid-otherwise': `voucher ${number} taken, but its order was paid another way: payment ${paymentId} failed (refund the cash)`,
        }[result];
        process.stdout.write(`${said}\n`);
        return 0;
      } catch (error) {
        if (error instanceof HttpError) {
          process.stderr.write(`${error.message}\n`);
          return 1;
        }
        throw error;
      } finally {
        await repo.close();
      }
    }
    case 'openapi': {
      const json = `${JSON.stringify(buildOpenApi(), null, 2)}\n`;
      const out = flags.get('out');
      if (out) writeFileSync(out, json);
      else process.stdout.write(json);
      return 0;
    }
    default:
      process.stderr.write(`unknown command ${command}: serve, pay-voucher or openapi\n`);
      return 2;
  }
}

main().then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
