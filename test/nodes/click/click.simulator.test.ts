/**
 * Click resource against the simulator (real engine, JWT): list clickwraps, create an agreement URL
 * for a user, the user agrees, and Get Agreement says so with version and date; a second URL request
 * for a user who agreed gets no URL; the picker; the scope check.
 */
import type { IDataObject } from 'n8n-workflow';

import { searchClickwraps } from '../../../nodes/DocuSign/methods/listSearch/searchClickwraps';
import { CLICKWRAP_IDS, SEED_IDS } from '../../simulator';
import { assertMatchesSpec } from '../../simulator/specValidation';
import { requestsTo, runWithScopes } from '../platformKit';
import { sim, simulatorLoadOptionsContext, simulatorNode as node, useSimulator } from '../simulatorKit';

useSimulator();

const BASE = `/na3/clickapi/v1/accounts/${SEED_IDS.accounts.acmeNa}`;
const TOS = CLICKWRAP_IDS.termsOfService;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const json = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json);
const createUrl = node('URL', {
	resource: 'click',
	operation: 'createAgreementUrl',
	clickwrapId: byId(TOS),
	clientUserId: 'user-4711',
	documentData: { field: [{ name: 'fullName', value: 'Ada Lovelace' }] },
});
const check = node('Check', { resource: 'click', operation: 'getAgreement', clickwrapId: byId(TOS), clientUserId: 'user-4711' }, 400);

describe('Click against the simulator', () => {
	it('lists the active clickwraps at the Click host', async () => {
		const result = await runWithScopes([node('List', { resource: 'click', operation: 'getAll', status: 'active', returnAll: true })]);
		expect(result.error).toBeUndefined();
		expect(json(result.outputOf('List')).map((c) => [c.clickwrapId, c.name, c.versionNumber])).toEqual([[TOS, 'Terms of Service', '2']]);
		expect(requestsTo('/na3/clickapi/').map((c) => [c.method, c.path, c.query])).toEqual([['GET', `${BASE}/clickwraps`, { status: 'active', page_number: '1' }]]);
	});

	it('agreement URL for a user; after agreeing, Get Agreement has version and date and a new request has no URL', async () => {
		const first = await runWithScopes([createUrl, check]);
		expect(first.error).toBeUndefined();
		const [url] = json(first.outputOf('URL'));
		expect(url).toMatchObject({ hasAgreed: false, status: 'created', versionNumber: 2, clientUserId: 'user-4711' });
		expect(String(url.agreementUrl)).toMatch(/\/na3\/clickapi\/v1\/redeem\?agreementToken=/);
		const [post] = requestsTo('/na3/clickapi/').filter((c) => c.method === 'POST');
		expect(post.body).toEqual({ clientUserId: 'user-4711', documentData: { fullName: 'Ada Lovelace' } });
		assertMatchesSpec('userAgreementRequest', post.body, 'click');
		expect(json(first.outputOf('Check'))[0]).toMatchObject({ hasAgreed: false, status: 'created', agreedOn: null });

		sim.answerClickAgreement(String(url.agreementId), 'agree');

		const second = await runWithScopes([createUrl, check]);
		expect(second.error).toBeUndefined();
		const [again] = json(second.outputOf('URL'));
		expect(again).toMatchObject({ hasAgreed: true, status: 'agreed', agreementUrl: null, agreementId: url.agreementId });
		const [agreed] = json(second.outputOf('Check'));
		expect(agreed).toMatchObject({ hasAgreed: true, status: 'agreed', versionNumber: 2 });
		expect(Date.parse(String(agreed.agreedOn))).toBeGreaterThan(0);
	});

	it('a user who never got a URL: hasAgreed false, status none', async () => {
		const result = await runWithScopes([node('Check', { resource: 'click', operation: 'getAgreement', clickwrapId: byId(TOS), clientUserId: 'nobody' })]);
		expect(json(result.outputOf('Check'))[0]).toMatchObject({ hasAgreed: false, status: 'none', clientUserId: 'nobody' });
	});

	it('the clickwrap picker lists active clickwraps', async () => {
		await runWithScopes([node('List', { resource: 'click', operation: 'getAll', status: '', returnAll: true })]);
		const found = await searchClickwraps.call(await simulatorLoadOptionsContext(createUrl, 'parameters.clickwrapId'), 'terms');
		expect(found.results).toEqual([{ name: 'Terms of Service', value: TOS }]);
	});

	it('without click.send the agreement URL is refused before any call, naming the scope', async () => {
		const result = await runWithScopes([createUrl], 'signature impersonation click.manage');
		expect(result.error?.message).toBe('The DocuSign credential does not ask DocuSign for the scope "click.send" that the Click API needs');
		expect(sim.requestLog).toHaveLength(0);
	});
});
