// The composition root: the one place that turns a Config into working ports (architecture.md:
// loadConfig → stores → use cases). The CLI (src/cli/main.ts) and the server entry point call it;
// nothing else picks adapters. Adapters with a heavy start (database, document parsers) must be
// loaded lazily from here so `gongkai --help` and `gongkai deadline` stay fast.
import { createFileReader } from '#adapters/files/file-reader.ts';
import { createFileCalendarStore } from '#adapters/local-store/calendar-store.ts';
import { createFileSettingsStore } from '#adapters/local-store/settings-store.ts';
import type { AppDeps, Clock } from '#app/ports.ts';
import type { Config } from '#config/load-config.ts';

/** What a process supplies besides its configuration: its clock and working directory. */
export interface ProcessRuntime {
  readonly clock: Clock;
  readonly cwd: string;
}

/** Wires the ports of one process from its configuration. */
export function composeAppDeps(config: Config, runtime: ProcessRuntime): AppDeps {
  const { dataDir, dataDirIsDefault } = config.files;
  return {
    clock: runtime.clock,
    settings: createFileSettingsStore(dataDir),
    calendar: createFileCalendarStore(dataDir),
    files: createFileReader(runtime.cwd),
    storage: { dataDir, dataDirIsDefault, database: config.db.url === null ? 'embedded' : 'postgresql' },
    actor: config.actor,
  };
}
