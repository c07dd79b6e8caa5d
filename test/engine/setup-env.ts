/**
 * Environment for running n8n-core inside jest. Must run before n8n-core is first imported:
 * n8n-core's InstanceSettings reads N8N_USER_FOLDER and writes `<folder>/.n8n/config` (with a
 * generated encryption key) there — never let it touch the developer's real ~/.n8n.
 *
 * Used two ways: as a jest `setupFilesAfterEnv` entry (recommended), and as the first import of
 * ./harness, so that a test importing the harness before anything from n8n-core is safe even
 * without the jest setting.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// One folder per jest worker process; a worker runs one test file at a time.
const folder = join(tmpdir(), `n8n-nodes-docusign-engine-${process.pid}`);
mkdirSync(folder, { recursive: true });
process.env.N8N_USER_FOLDER = folder;

// Quiet and offline defaults; a test may still override them before importing the harness.
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS ??= 'false';
process.env.N8N_DIAGNOSTICS_ENABLED ??= 'false';
process.env.N8N_VERSION_NOTIFICATIONS_ENABLED ??= 'false';
process.env.N8N_LOG_LEVEL ??= 'silent';

if (typeof afterAll === 'function') {
	afterAll(() => rmSync(folder, { recursive: true, force: true }));
}
