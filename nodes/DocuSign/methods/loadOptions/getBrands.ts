import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { apiRequest } from '../../transport';

/** The account's brands (GET /brands), the sending default marked (isSendingDefault: a boolean in v2.1, a string in v2). */
export async function getBrands(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const response = (await apiRequest.call(this, 'GET', '/brands', {
		qs: { exclude_distributor_brand: 'true' },
		action: "list the account's brands",
	})) as { brands?: IDataObject[]; senderBrandIdDefault?: string };
	return (response.brands ?? [])
		.filter((brand) => typeof brand.brandId === 'string' && brand.brandId)
		.map((brand) => {
			const isDefault = brand.brandId === response.senderBrandIdDefault || String(brand.isSendingDefault) === 'true';
			const name = String(brand.brandName ?? '').trim() || String(brand.brandId);
			return {
				name: isDefault ? `${name} (Sending Default)` : name,
				value: String(brand.brandId),
				description: [brand.brandCompany, isDefault ? 'used when no brand is chosen' : undefined]
					.filter((part) => typeof part === 'string' && part.trim())
					.join('; '),
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}
