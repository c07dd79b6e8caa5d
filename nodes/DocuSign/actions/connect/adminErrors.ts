import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/**
 * DocuSign's refusals of Connect calls: USER_LACKS_PERMISSIONS when the user is not an account
 * administrator, ACCOUNT_LACKS_PERMISSIONS when Connect is not enabled on the account.
 */
const REASONS: Record<string, string> = {
	USER_LACKS_PERMISSIONS: 'the connected DocuSign user is not an administrator of the account',
	ACCOUNT_LACKS_PERMISSIONS: "Connect is not enabled for this DocuSign account (its plan may not include it)",
};

/** A permission refusal of a Connect call, explained; any other error as it was. */
function explainRefusal(context: IExecuteFunctions, error: unknown, action: string, itemIndex: number): unknown {
	const code = String(((error as NodeApiError).errorResponse as { errorCode?: unknown } | undefined)?.errorCode ?? '');
	if (!(error instanceof NodeApiError) || !REASONS[code]) return error;
	return new NodeApiError(context.getNode(), error.errorResponse as JsonObject, {
		message: `DocuSign refused to ${action}: ${REASONS[code]} (${code})`,
		description:
			'Connect operations need a DocuSign account administrator and Connect on the account\'s plan. Connect this node with an administrator\'s credential (or pick an account where the user is an administrator), or ask an administrator to enable Connect in DocuSign Admin → Integrations → Connect.',
		httpCode: error.httpCode ?? undefined,
		itemIndex,
	});
}

/** Runs a Connect call and turns a permission refusal into an error that says who can do it. */
export async function asConnectAdmin<T>(
	context: IExecuteFunctions,
	itemIndex: number,
	action: string,
	call: () => Promise<T>,
): Promise<T> {
	try {
		return await call();
	} catch (error) {
		throw explainRefusal(context, error, action, itemIndex);
	}
}
