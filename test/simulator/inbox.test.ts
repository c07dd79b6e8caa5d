import type { Simulator } from './index';
import { bearer, envelopeDefinition, http, samplePdf, useSimulatorSession } from './testHelpers';

let sim: Simulator;
let token: string;
let base: string;
useSimulatorSession((session) => ({ sim, token, base } = session));

async function create(extra: Record<string, unknown> = {}): Promise<string> {
	const res = await http.post(`${base}/envelopes`, envelopeDefinition(extra), bearer(token));
	expect(res.status).toBe(201);
	return res.data.envelopeId;
}

const inbox = async (query = '') => {
	const res = await http.get(`${sim.url}/${query}`);
	expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
	return res;
};

/** Envelope ids in the order the page lists them. */
const listed = (page: string) => [...page.matchAll(/<section class="envelope" id="env-[^"]+" data-envelope-id="([^"]+)"/g)].map((m) => m[1]);

/** The HTML of one envelope's section. */
const section = (page: string, envelopeId: string) => {
	const start = page.indexOf(`data-envelope-id="${envelopeId}"`);
	expect(start).toBeGreaterThan(-1);
	return page.slice(start, page.indexOf('</section>', start));
};

/** The <tr> of one recipient inside an envelope's section. */
const row = (page: string, envelopeId: string, recipientId: string) => {
	const html = section(page, envelopeId);
	const start = html.indexOf(`<tr data-recipient-id="${recipientId}">`);
	expect(start).toBeGreaterThan(-1);
	return html.slice(start, html.indexOf('</tr>', start));
};

/** Posts an inbox form as a browser does (urlencoded), without following the redirect. */
const post = (envelopeId: string, recipientId: string, action: string, form: Record<string, string> = {}) =>
	http.post(`${sim.url}/inbox/envelopes/${envelopeId}/recipients/${recipientId}/${action}`, new URLSearchParams(form).toString(), {
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
	});

const recipient = (envelopeId: string, recipientId: string) => sim.state.envelopes.get(envelopeId)!.recipients.find((r) => r.recipientId === recipientId)!;

describe('signer inbox page (GET /)', () => {
	it('lists sent envelopes, the most recently sent first, and never drafts; it is neither counted, logged nor faulted', async () => {
		expect((await inbox()).data).toContain('No envelope has been sent yet.');
		const first = await create({ emailSubject: 'First' });
		const draftSentLater = await create({ emailSubject: 'Draft sent later', status: 'created' });
		const third = await create({ emailSubject: 'Third' });
		const draft = await create({ emailSubject: 'Still a draft', status: 'created' });
		await new Promise((r) => setTimeout(r, 5));
		expect((await http.put(`${base}/envelopes/${draftSentLater}`, { status: 'sent' }, bearer(token))).status).toBe(200);

		const counters = sim.counters();
		const logged = sim.requestLog.length;
		sim.faults.add({ kind: 'status', status: 500 });
		const page = (await inbox()).data as string;
		expect(listed(page)).toEqual([draftSentLater, third, first]);
		expect(page).not.toContain(draft);
		expect(page).not.toContain('Still a draft');
		expect(sim.counters()).toEqual(counters);
		expect(sim.requestLog.length).toBe(logged);
		// The fault is still armed for the next API call: the page did not consume it.
		expect((await http.get(`${base}/templates`, bearer(token))).status).toBe(500);

		expect(listed((await inbox('?count=2')).data)).toEqual([draftSentLater, third]);
		expect((await inbox('?count=2')).data).toContain('Show all 3 envelopes');
	});

	it('shows status, subject, sender, account, documents and each recipient with the actions it can take now', async () => {
		const id = await create({ emailBlurb: 'Two signers, then a copy.' });
		const page = (await inbox()).data as string;
		const html = section(page, id);
		expect(html).toContain('Please sign the NDA <span class="badge sent">sent</span>');
		expect(html).toContain('From Alice Adams &lt;alice@acme.example&gt; · Acme Corp');
		expect(html).toContain('Two signers, then a copy.');
		expect(html).toContain(`<a href="/inbox/envelopes/${id}/documents/1" target="_blank">NDA.pdf</a>`);
		// Signer One acts now: Review, Sign and Decline posting to its recipient.
		const one = row(page, id, '1');
		for (const action of ['view', 'sign', 'decline']) {
			expect(one).toContain(`<form method="post" action="/inbox/envelopes/${id}/recipients/1/${action}"`);
		}
		expect(one).toContain('>Review</button>');
		expect(one).toContain('>Sign</button>');
		expect(one).toContain('>Decline</button>');
		// Signer Two waits for routing order 1; the carbon copy never acts.
		expect(row(page, id, '2')).not.toContain('<form');
		expect(row(page, id, '2')).toContain('waits for its turn (routing order 2)');
		expect(row(page, id, '3')).toContain('receives a copy');

		const doc = await http.get(`${sim.url}/inbox/envelopes/${id}/documents/1`, { responseType: 'arraybuffer' });
		expect(doc.status).toBe(200);
		expect(doc.headers['content-type']).toBe('application/pdf');
		expect(doc.headers['content-disposition']).toMatch(/^inline; filename="NDA.pdf"/);
		expect(Buffer.from(doc.data).equals(samplePdf())).toBe(true);
		const combined = await http.get(`${sim.url}/inbox/envelopes/${id}/documents/combined`, { responseType: 'arraybuffer' });
		expect(Buffer.from(combined.data).subarray(0, 5).toString()).toBe('%PDF-');
		expect((await http.get(`${sim.url}/inbox/envelopes/${id}/documents/9`)).status).toBe(404);
	});

	it('escapes every text a sender or a signer wrote', async () => {
		const evil = '<script>alert("x")</script>';
		const id = await create({
			emailSubject: `Subject ${evil}`,
			emailBlurb: `Blurb ' " & ${evil}`,
			documents: [{ documentId: '1', name: `<img src=x onerror=alert(1)>.pdf`, fileExtension: 'pdf', documentBase64: samplePdf().toString('base64') }],
			recipients: {
				signers: [{ email: 'evil@example.com', name: `"><b>Mallory</b>`, recipientId: '1', routingOrder: '1',
					tabs: { textTabs: [{ tabLabel: `<i>label</i>`, value: `"><script>v()</script>`, documentId: '1', pageNumber: '1', xPosition: '1', yPosition: '1' }] } }],
			},
		});
		expect((await post(id, '1', 'decline', { reason: `no <u>way</u>` })).status).toBe(303);
		const page = (await inbox(`?email=${encodeURIComponent('"><svg onload=x>')}`)).data as string;
		expect(page).not.toMatch(/<script|<img|<b>|<i>|<u>|<svg/);
		expect(page).toContain('value="&quot;&gt;&lt;svg onload=x&gt;"');
		const all = (await inbox()).data as string;
		expect(all).not.toMatch(/<script|<img|<b>|<i>|<u>/);
		expect(all).toContain('Subject &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
		expect(all).toContain('Blurb &#39; &quot; &amp; &lt;script&gt;');
		expect(all).toContain('&quot;&gt;&lt;b&gt;Mallory&lt;/b&gt;');
		expect(all).toContain('declined: no &lt;u&gt;way&lt;/u&gt;');
		expect(all).toContain('&lt;img src=x onerror=alert(1)&gt;.pdf</a>');
	});

	it('the embedded signing page escapes the subject and document names too', async () => {
		const id = await create({
			emailSubject: '<script>alert(1)</script>',
			documents: [{ documentId: '1', name: '<img src=x onerror=alert(1)>.pdf', fileExtension: 'pdf', documentBase64: samplePdf().toString('base64') }],
			recipients: { signers: [{ email: 'ann@example.com', name: 'Ann', recipientId: '1', clientUserId: 'c-1' }] },
		});
		const view = await http.post(`${base}/envelopes/${id}/views/recipient`,
			{ returnUrl: 'http://127.0.0.1:1/back', email: 'ann@example.com', userName: 'Ann', clientUserId: 'c-1', authenticationMethod: 'none' }, bearer(token));
		expect(view.status).toBe(201);
		const signing = (await http.get(view.data.url)).data as string;
		expect(signing).not.toMatch(/<script|<img/);
		expect(signing).toContain('Review and sign: &lt;script&gt;alert(1)&lt;/script&gt;');
	});
});

describe('signer inbox forms', () => {
	it('Review opens the envelope for that recipient (delivered) and redirects back to the page with what happened', async () => {
		const id = await create();
		const res = await post(id, '1', 'view');
		expect(res.status).toBe(303);
		expect(res.headers.location).toBe(`/?done=view&envelope=${id}&recipient=1#env-${id}`);
		// Recipient 1 opened it; the envelope stays "sent" until every recipient has (spec ConnectConfigurations.envelopeEvents).
		expect(sim.envelope(id)).toMatchObject({ status: 'sent', recipients: expect.arrayContaining([expect.objectContaining({ recipientId: '1', status: 'delivered' })]) });
		const page = (await inbox(res.headers.location.replace(/^\//, '').replace(/#.*$/, ''))).data as string;
		expect(page).toContain('Signer One opened &quot;Please sign the NDA&quot;: the envelope is sent.');
		// A query cannot inject the message: it is written from the state.
		expect((await inbox(`?done=view&envelope=${id}&recipient=<b>`)).data).not.toContain('class="flash');
	});

	it('Sign requires the signer\'s text fields, stores what was typed, and moves the routing on as the control API does', async () => {
		const id = await create({
			eventNotification: {
				url: 'https://hooks.example.com/docusign', requireAcknowledgment: 'true',
				eventData: { version: 'restv2.1', format: 'json', includeData: ['recipients', 'tabs'] },
				events: ['recipient-completed'],
			},
			recipients: {
				signers: [{ email: 'ann@example.com', name: 'Ann', recipientId: '1', routingOrder: '1', tabs: { textTabs: [
					{ tabLabel: 'company_name', value: '', maxLength: '20', documentId: '1', pageNumber: '1', xPosition: '1', yPosition: '1' },
					{ tabLabel: 'note', required: 'false', documentId: '1', pageNumber: '1', xPosition: '1', yPosition: '40' },
					{ tabLabel: 'fixed', value: 'set by sender', locked: 'true', documentId: '1', pageNumber: '1', xPosition: '1', yPosition: '80' },
				] } }],
				carbonCopies: [{ email: 'cc@example.com', name: 'CC', recipientId: '2', routingOrder: '2' }],
			},
		});
		const tabs = recipient(id, '1').tabs!.textTabs;
		const [company, note, fixed] = tabs.map((t) => String(t.tabId));
		const one = row((await inbox()).data, id, '1');
		expect(one).toContain(`company_name * <input type="text" name="tab_${company}" value="" maxlength="20" required>`);
		expect(one).toContain(`note <input type="text" name="tab_${note}" value="">`);
		expect(one).not.toContain(`tab_${fixed}`);

		const missing = await post(id, '1', 'sign', { [`tab_${company}`]: '  ' });
		expect(missing.status).toBe(400);
		expect(missing.data).toContain('Fill in &quot;company_name&quot;: the field is required.');
		const tooLong = await post(id, '1', 'sign', { [`tab_${company}`]: 'x'.repeat(21) });
		expect(tooLong.status).toBe(400);
		expect(sim.envelope(id)).toMatchObject({ status: 'sent' });
		expect(recipient(id, '1').status).toBe('sent');

		const signed = await post(id, '1', 'sign', { [`tab_${company}`]: 'Acme Corp', [`tab_${note}`]: '', [`tab_${fixed}`]: 'forged' });
		expect(signed.status).toBe(303);
		expect(sim.envelope(id)).toMatchObject({ status: 'completed' });
		expect(sim.state.envelopes.get(id)!.recipients.map((r) => r.status)).toEqual(['completed', 'completed']);
		const read = await http.get(`${base}/envelopes/${id}/recipients?include_tabs=true`, bearer(token));
		expect(read.data.signers[0].tabs.textTabs.map((t: Record<string, string>) => [t.tabLabel, t.value])).toEqual([
			['company_name', 'Acme Corp'], ['note', ''], ['fixed', 'set by sender'],
		]);
		// The recipient-completed event's snapshot already carries the typed value.
		await sim.connectIdle();
		const [event] = sim.deliveries().filter((d) => d.event === 'recipient-completed' && d.recipientId === '1');
		const payload = JSON.parse(event.body);
		expect(payload.data.envelopeSummary.recipients.signers[0].tabs.textTabs[0]).toMatchObject({ tabLabel: 'company_name', value: 'Acme Corp' });

		const again = await post(id, '1', 'sign', { [`tab_${company}`]: 'Other' });
		expect(again.status).toBe(409);
		expect(again.data).toContain('ENVELOPE_INVALID_STATUS');
	});

	it('Decline needs a reason and declines the envelope', async () => {
		const id = await create();
		const noReason = await post(id, '1', 'decline', { reason: ' ' });
		expect(noReason.status).toBe(400);
		expect(noReason.data).toContain('Give a reason for declining.');
		expect(sim.envelope(id)).toMatchObject({ status: 'sent' });
		expect((await post(id, '1', 'decline', { reason: 'Wrong price' })).status).toBe(303);
		expect(sim.envelope(id)).toMatchObject({ status: 'declined' });
		expect(recipient(id, '1')).toMatchObject({ status: 'declined', declinedReason: 'Wrong price' });
		expect(row((await inbox()).data, id, '2')).toContain('the envelope is declined');
	});

	it('asks for the recipient\'s access code before Review, Sign or Decline, and never shows it', async () => {
		const id = await create({
			recipients: { signers: [{ email: 'ann@example.com', name: 'Ann', recipientId: '1', routingOrder: '1', accessCode: 'Sesame-4711' }] },
		});
		const page = (await inbox()).data as string;
		expect(page).not.toContain('Sesame-4711');
		expect(row(page, id, '1').match(/<input type="password" name="accessCode" required/g)).toHaveLength(3);
		for (const action of ['view', 'sign', 'decline']) {
			const wrong = await post(id, '1', action, { accessCode: 'sesame-4711', reason: 'x' });
			expect(wrong.status).toBe(400);
			expect(wrong.data).toContain('The access code for Ann is not correct.');
			expect(wrong.data).not.toContain('Sesame-4711');
		}
		expect(recipient(id, '1').status).toBe('sent');
		expect((await post(id, '1', 'sign', { accessCode: 'Sesame-4711' })).status).toBe(303);
		expect(recipient(id, '1').status).toBe('completed');
	});

	it('refuses a recipient whose turn has not come, unknown envelopes and GET on a form URL, changing nothing', async () => {
		const id = await create();
		const early = await post(id, '2', 'sign');
		expect(early.status).toBe(409);
		expect(early.data).toContain('RECIPIENT_NOT_IN_SEQUENCE');
		expect(recipient(id, '2').status).toBe('created');
		expect((await post('no-such-envelope', '1', 'sign')).status).toBe(404);
		const draft = await create({ status: 'created' });
		expect((await post(draft, '1', 'sign')).status).toBe(404);
		expect(sim.envelope(draft)).toMatchObject({ status: 'created' });
		expect((await http.get(`${sim.url}/inbox/envelopes/${id}/recipients/1/sign`)).status).toBe(405);
		expect(sim.envelope(id)).toMatchObject({ status: 'sent' });
	});
});
