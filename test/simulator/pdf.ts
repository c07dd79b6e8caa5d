/** Tiny, valid PDFs with text pages: template documents, combined documents, certificates. */

function escapePdfText(text: string): string {
	return text.replace(/[^\x20-\x7e]/g, '?').replace(/([\\()])/g, '\\$1');
}

/** One page per entry; each page is a list of text lines (Helvetica 12pt, top to bottom). */
export function makePdf(pages: string[][], title = 'DocuSign simulator'): Buffer {
	const objects: string[] = [];
	const pageCount = Math.max(pages.length, 1);
	const fontId = 3;
	const firstPageId = 4;
	objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
	const kids = Array.from({ length: pageCount }, (_, i) => `${firstPageId + i * 2} 0 R`).join(' ');
	objects[2] = `<< /Type /Pages /Kids [${kids}] /Count ${pageCount} >>`;
	objects[fontId] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
	for (let i = 0; i < pageCount; i++) {
		const lines = pages[i] ?? [];
		const text = lines
			.map((line, n) => `BT /F1 12 Tf 72 ${720 - n * 18} Td (${escapePdfText(line)}) Tj ET`)
			.join('\n');
		const pageId = firstPageId + i * 2;
		objects[pageId] =
			`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] ` +
			`/Resources << /Font << /F1 ${fontId} 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
		objects[pageId + 1] = `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`;
	}
	const infoId = objects.length;
	objects[infoId] = `<< /Title (${escapePdfText(title)}) /Producer (n8n-nodes-docusign simulator) >>`;

	let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
	const offsets: number[] = [];
	for (let id = 1; id < objects.length; id++) {
		offsets[id] = Buffer.byteLength(out, 'latin1');
		out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
	}
	const xrefAt = Buffer.byteLength(out, 'latin1');
	out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
	for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}

export const isPdf = (bytes: Buffer): boolean => bytes.subarray(0, 5).toString('latin1') === '%PDF-';
