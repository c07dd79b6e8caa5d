/** Ids and answers shared by the recipient-option tests of Create From Template and Send and Wait. */
import nock from 'nock';

import { BASE_URI, REST_PATH } from './createFixtures';

export const PHONE_WORKFLOW = 'c368e411-1592-4001-a3df-dca94ac539ae';
export const IDV_WORKFLOW = 'f1b7e7d0-5b2a-4c1e-9a3f-7d2c8e6b4a10';
export const BRAND = 'b1a7c0de-0001-4000-8000-00000000b001';
export const GROUP = '1a2b3c4d-0001-4000-8000-0000000050a1';
export const TEMPLATE_ID = '2c9a8e4f-1b2d-4c3e-9f8a-7b6c5d4e3f21';

/** GET /templates/{id}: a template with one role, "Signer". */
export function nockOneRoleTemplate(): nock.Scope {
	return nock(BASE_URI)
		.get(`${REST_PATH}/templates/${TEMPLATE_ID}`)
		.query({ include: 'tabs' })
		.reply(200, { templateId: TEMPLATE_ID, name: 'Mutual NDA', recipients: { signers: [{ roleName: 'Signer', recipientId: '1', routingOrder: '1' }] } });
}
