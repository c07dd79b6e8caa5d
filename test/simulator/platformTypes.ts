/** Records of the simulated Web Forms, Maestro and Click APIs (kept in SimState, emptied by reset). */

export interface WebFormInstanceRecord {
	id: string;
	formId: string;
	accountId: string;
	clientUserId?: string;
	tags: string[];
	status: 'INITIATED' | 'IN_PROGRESS' | 'SUBMITTED' | 'EXPIRED' | 'FAILED';
	source: 'API_EMBEDDED' | 'API_REMOTE';
	formValues: Record<string, unknown>;
	recipients: Array<{ roleName: string; name: string; email: string; recipientViewId: string; status: 'INITIATED' | 'IN_PROGRESS' | 'SUBMITTED' }>;
	instanceToken: string;
	tokenExpiresAt: number;
	createdBy: { userId: string; userName: string };
	createdAt: string;
	expiresAt: string;
	modifiedAt: string;
	submittedAt?: string;
	envelopes: Array<{ id: string; createdDateTime: string }>;
	returnUrl?: string;
}

export interface MaestroInstanceRecord {
	id: string;
	workflowId: string;
	accountId: string;
	name: string;
	status: 'In Progress' | 'Completed' | 'Canceled' | 'Failed';
	triggerInputs: Record<string, unknown>;
	startedBy: { userId: string; name: string };
	startedAt: string;
	modifiedAt: string;
	endedAt?: string;
	canceledAt?: string;
	canceledBy?: string;
	lastCompletedStep: number;
}

export interface ClickAgreementRecord {
	agreementId: string;
	clickwrapId: string;
	accountId: string;
	clientUserId: string;
	versionId: string;
	versionNumber: number;
	status: 'created' | 'agreed' | 'declined';
	documentData?: Record<string, string>;
	metadata?: string;
	returnUrl?: string;
	createdOn: string;
	agreedOn?: string;
	declinedOn?: string;
}
