/** What `npm run dev` prints once everything is up. */
import type { CredentialFixture, WorkflowFixture } from '../e2e/lib/n8n';
import { AUTH_HOSTS, EDITOR_URL, OAUTH_CALLBACK, OWNER, type RealAccount } from './config';
import type { DevSimulator } from './simulator';

export interface BannerInput {
	ready: string;
	owner: 'created' | 'exists' | 'password changed';
	workflow: WorkflowFixture;
	credentials: CredentialFixture[];
	simulator?: DevSimulator;
	real?: RealAccount;
	logs: string;
}

function docuSignLines(simulator: DevSimulator | undefined, real: RealAccount | undefined, credentials: CredentialFixture[]): string[] {
	if (simulator) {
		const { user, seed, url } = simulator;
		const account = seed.accounts.find((a) => a.accountId === user.memberships.find((m) => m.isDefault)?.accountId);
		return [
			`  DocuSign:     simulator at ${url}, as ${user.name} <${user.email}> (default account: ${account?.accountName ?? '?'})`,
			`  sign here:    ${url}/  (the signer's inbox: open the documents, Review / Sign / Decline)`,
			...simulator.notes.map((n) => `  note:         ${n}`),
		];
	}
	const r = real!;
	const host = AUTH_HOSTS[r.environment];
	const consent = `https://${host}/oauth/auth?response_type=code&scope=signature%20impersonation&client_id=${r.integrationKey}&redirect_uri=${encodeURIComponent(r.redirectUri)}`;
	return [
		`  DocuSign:     ${host}, integration key ${r.integrationKey}, user ${r.userId}, ${r.accountId ? `account ${r.accountId}` : 'default account'}`,
		`  JWT consent:  once per user, open ${consent}`,
		r.clientSecret
			? `  OAuth2:       open "${credentials[1].name}", click "Connect my account" (add ${OAUTH_CALLBACK} to the key's redirect URIs)`
			: '  OAuth2:       set DOCUSIGN_CLIENT_SECRET (the integration key\'s secret) for an OAuth2 credential too',
	];
}

export function banner(b: BannerInput): string {
	return [
		'',
		`n8n with n8n-nodes-docusign is ready (${b.ready}): ${EDITOR_URL}`,
		b.owner === 'password changed'
			? `  login:        ${OWNER.email} (its password was changed in n8n; delete .n8n-dev/ to start over)`
			: `  login:        ${OWNER.email} / ${OWNER.password}`,
		`  workflow:     ${EDITOR_URL}/workflow/${b.workflow.id}  "${b.workflow.name}"`,
		`  credentials:  ${b.credentials.map((c) => c.name).join(', ')}`,
		...docuSignLines(b.simulator, b.real, b.credentials),
		`  logs:         ${b.logs}/ (n8n.log${b.simulator ? ', simulator.log' : ''})`,
		'Edit nodes/ or credentials/: tsc rebuilds, n8n reloads the package. Ctrl-C stops everything.',
		'',
	].join('\n');
}
