/** Pulls the first complete JSON object out of text that also holds log lines. */
export function extractJsonObject(text: string): unknown | undefined {
	const lines = text.split('\n');
	let offset = 0;
	for (const line of lines) {
		if (line.startsWith('{')) {
			const end = matchingBrace(text, offset);
			if (end > 0) {
				try {
					return JSON.parse(text.slice(offset, end + 1));
				} catch {
					// not JSON after all: keep looking
				}
			}
		}
		offset += line.length + 1;
	}
	return undefined;
}

function matchingBrace(text: string, start: number): number {
	let depth = 0;
	let inString = false;
	for (let i = start; i < text.length; i++) {
		const c = text[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
			continue;
		}
		if (c === '"') inString = true;
		else if (c === '{' || c === '[') depth++;
		else if (c === '}' || c === ']') {
			depth--;
			if (depth === 0) return i;
		}
	}
	return -1;
}
