/** Envelopes, recipients, documents, templates, bulk-send lists/batches and Connect configurations. */

export type RecipientType =
	| 'signers'
	| 'carbonCopies'
	| 'certifiedDeliveries'
	| 'inPersonSigners'
	| 'editors'
	| 'agents'
	| 'intermediaries'
	| 'witnesses'
	| 'notaries'
	| 'seals';

export type RecipientStatus = 'created' | 'sent' | 'delivered' | 'completed' | 'declined';

export interface RecipientRecord {
	type: RecipientType;
	recipientId: string;
	recipientIdGuid: string;
	routingOrder: number;
	status: RecipientStatus;
	name?: string;
	email?: string;
	roleName?: string;
	clientUserId?: string;
	/** The code the recipient must enter before viewing or signing; never echoed back. */
	accessCode?: string;
	/** identityVerification names one of the account's workflows: signing needs `identityVerified`. */
	identityVerificationRequired?: boolean;
	tabs?: Record<string, Array<Record<string, unknown>>>;
	sentDateTime?: string;
	deliveredDateTime?: string;
	signedDateTime?: string;
	declinedDateTime?: string;
	declinedReason?: string;
	/** Every other field the client sent, echoed back on reads. */
	extra: Record<string, unknown>;
}

export interface DocumentRecord {
	documentId: string;
	documentIdGuid: string;
	name: string;
	fileExtension?: string;
	order: number;
	/** Exactly the bytes the client uploaded. */
	bytes: Buffer;
}

export type EnvelopeStatus = 'created' | 'sent' | 'delivered' | 'completed' | 'declined' | 'voided';

export interface CustomFieldRecord {
	fieldId: string;
	name: string;
	value: string;
	show: string;
	required: string;
	listItems?: string[];
}

export interface EnvelopeRecord {
	envelopeId: string;
	accountId: string;
	senderUserId: string;
	status: EnvelopeStatus;
	emailSubject?: string;
	emailBlurb?: string;
	templateId?: string;
	transactionId?: string;
	brandId?: string;
	createdDateTime: string;
	lastModifiedDateTime: string;
	statusChangedDateTime: string;
	sentDateTime?: string;
	initialSentDateTime?: string;
	deliveredDateTime?: string;
	completedDateTime?: string;
	declinedDateTime?: string;
	voidedDateTime?: string;
	voidedReason?: string;
	documents: DocumentRecord[];
	recipients: RecipientRecord[];
	textCustomFields: CustomFieldRecord[];
	listCustomFields: CustomFieldRecord[];
	eventNotification?: Record<string, unknown>;
	/** Reminders and expiration (PUT …/notification); absent = the account's defaults. */
	notification?: Record<string, unknown>;
	/** The envelope's history as DocuSign's audit events: field name → value, oldest first. */
	auditEvents?: Array<Record<string, string>>;
	/** Set when created by a bulk send batch. */
	bulkBatchId?: string;
	resendCount: number;
	/** Creation sequence, for stable ordering of lists. */
	seq: number;
}

/** An account's envelope custom field definitions (GET /custom_fields). */
export interface AccountCustomFields {
	textCustomFields: CustomFieldRecord[];
	listCustomFields: CustomFieldRecord[];
}

export interface TemplateRecord {
	templateId: string;
	accountId: string;
	ownerUserId: string;
	name: string;
	description: string;
	emailSubject: string;
	emailBlurb: string;
	created: string;
	lastModified: string;
	folderName: string;
	/** A template folder (templateFolders.ts); none: the owner's My Templates. */
	folderId?: string;
	/** Shared with the account's users (`shared: "true"`). */
	shared?: boolean;
	documents: DocumentRecord[];
	recipients: RecipientRecord[];
}

export interface BulkListRecord {
	listId: string;
	accountId: string;
	name: string;
	bulkCopies: Array<Record<string, unknown>>;
	createdDate: string;
}

export interface BulkBatchRecord {
	batchId: string;
	accountId: string;
	batchName: string;
	listId: string;
	envelopeOrTemplateId: string;
	senderUserId: string;
	submittedDate: string;
	envelopeIds: string[];
	failed: Array<{ copyIndex: number; errorCode: string; message: string }>;
}

export interface ConnectConfigRecord {
	connectId: string;
	accountId: string;
	createdByUserId: string;
	/** The configuration as posted (DocuSign echoes it back). */
	config: Record<string, unknown>;
}
