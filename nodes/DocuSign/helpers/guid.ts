/** A DocuSign ID (envelope, template, bulk send batch…): a GUID in either case, as a regex source. */
export const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

const GUID_ONLY = new RegExp(`^${GUID}$`);

export function isGuid(value: string): boolean {
	return GUID_ONLY.test(value);
}
