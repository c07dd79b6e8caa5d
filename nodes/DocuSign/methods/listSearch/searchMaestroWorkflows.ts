import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { maestroRequest } from '../../actions/maestro/shared';

/** Active (triggerable) Maestro workflows whose name contains the typed text. The API has no paging. */
export async function searchMaestroWorkflows(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const answer = await maestroRequest.call(this, 'GET', '/workflows', { qs: { status: 'active' }, action: 'search the Maestro workflows' });
	const text = filter?.trim().toLowerCase() ?? '';
	const results = ((answer.data ?? []) as IDataObject[])
		.filter((workflow) => typeof workflow.id === 'string')
		.map((workflow) => ({ name: String(workflow.name || workflow.id), value: workflow.id as string }))
		.filter((workflow) => !text || workflow.name.toLowerCase().includes(text))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}
