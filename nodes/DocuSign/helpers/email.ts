// What DocuSign accepts in practice: one @, no spaces or brackets, a dot in the domain and a
// top-level domain of two letters or more. One rule for every operation that takes an address.
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]{2,}$/;

export function isEmail(value: string): boolean {
	return EMAIL.test(value);
}
