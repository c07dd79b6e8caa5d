import type { IExecuteFunctions, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';

import { GUID, isGuid } from '../helpers/guid';
import { inputError } from '../helpers/itemErrors';

const EXAMPLE_GUID = '2c9a8e4f-1b2d-4c3e-9f8a-7b6c5d4e3f21';

/** A picker for a Web Forms, Maestro or Click object: search by name, or its ID (a GUID). */
export function guidLocator(options: {
	displayName: string;
	name: string;
	searchListMethod: string;
	description: string;
	what: string;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${options.what}...`,
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: EXAMPLE_GUID,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `^\\s*${GUID}\\s*$`,
							errorMessage: `Not a ${options.what} ID: expected a GUID such as ${EXAMPLE_GUID}`,
						},
					},
				],
			},
		],
	};
}

/** The GUID in a locator (or plain string) parameter, with an error naming the item when there is none. */
export function readGuidParameter(this: IExecuteFunctions, name: string, itemIndex: number, what: string): string {
	const value = this.getNodeParameter(name, itemIndex, '') as INodeParameterResourceLocator | string;
	const raw = String((value && typeof value === 'object' ? value.value : value) ?? '').trim();
	if (isGuid(raw)) return raw;
	throw inputError(
		this,
		itemIndex,
		raw ? `"${raw.slice(0, 200)}" is not a ${what} ID` : `no ${what} is selected`,
		`Pick the ${what} from the list or give its ID (a GUID such as ${EXAMPLE_GUID}).`,
	);
}
