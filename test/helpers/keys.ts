import { generateKeyPairSync, type KeyObject } from 'crypto';

export interface TestKeyPair {
	publicKey: KeyObject;
	publicPem: string;
	pkcs1Pem: string;
	pkcs8Pem: string;
}

/** A fresh RSA key pair, with the private key in both formats DocuSign users meet. */
export function makeKeyPair(bits = 2048): TestKeyPair {
	const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: bits });
	return {
		publicKey,
		publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
		pkcs1Pem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
		pkcs8Pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
	};
}

/** The base64 lines of a PEM, to check that no error or output carries any of them. */
export function keyFragments(pem: string): string[] {
	return pem
		.split('\n')
		.filter((line) => line && !line.startsWith('-----'))
		.map((line) => line.slice(0, 40));
}
