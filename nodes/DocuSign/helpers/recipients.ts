import type { IDataObject } from 'n8n-workflow';

/** The recipient lists of a DocuSign `recipients` object (envelope or template), and the singular type name of each. */
export const RECIPIENT_GROUPS = {
	signers: 'signer',
	carbonCopies: 'carbonCopy',
	certifiedDeliveries: 'certifiedDelivery',
	inPersonSigners: 'inPersonSigner',
	agents: 'agent',
	editors: 'editor',
	intermediaries: 'intermediary',
	witnesses: 'witness',
	notaries: 'notary',
	seals: 'seal',
} as const;

export type RecipientGroup = keyof typeof RECIPIENT_GROUPS;

/** Every recipient object of a `recipients` object with its list, in the order of RECIPIENT_GROUPS. */
export function recipientEntries(recipients: unknown): Array<{ group: RecipientGroup; data: IDataObject }> {
	if (!recipients || typeof recipients !== 'object') return [];
	const entries: Array<{ group: RecipientGroup; data: IDataObject }> = [];
	for (const group of Object.keys(RECIPIENT_GROUPS) as RecipientGroup[]) {
		const members = (recipients as IDataObject)[group];
		if (!Array.isArray(members)) continue;
		for (const data of members as IDataObject[]) entries.push({ group, data });
	}
	return entries;
}
