// The patient's access report as a printable HTML page: one self-contained document
// (inline CSS, no scripts, no fonts or images from elsewhere), so it prints and reads
// the same without JavaScript or a network. Every value is escaped.
import type { AccessReport, AccessReportLine } from '@carechain/audit-domain';

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:60rem;color:#111;line-height:1.45;padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.25rem}
p.meta{color:#444;margin-top:0}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:.45rem .5rem;border-bottom:1px solid #ccc}
th{font-size:.85rem;text-transform:uppercase;letter-spacing:.03em;color:#333}
td.when{white-space:nowrap}
.kind-refused td.what{color:#8a1c00}
.kind-emergency td.what{font-weight:600}
.ledger a{color:#0b5d1e;text-decoration:none;font-weight:600}
.ledger .pending{color:#666}
.ledger .failed{color:#8a1c00;font-weight:600}
nav{margin-top:1.5rem}
@media print{nav{display:none}body{margin:0;max-width:none}a{color:#000}tr{break-inside:avoid}}
`;

function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function ledgerCell(line: AccessReportLine): string {
  if (line.ledger === null) return '<span class="pending">awaiting the ledger</span>';
  if (!line.ledger.verified) return `<span class="failed">proof did not check out</span> <a href="${escapeHtml(line.ledger.proof)}">(details)</a>`;
  return `<a href="${escapeHtml(line.ledger.proof)}" title="block ${escapeHtml(line.ledger.blockNumber)}, transaction ${escapeHtml(line.ledger.txId)}">&#10003; verified on the ledger</a><br><small>block ${escapeHtml(line.ledger.blockNumber)}</small>`;
}

function row(line: AccessReportLine): string {
  return `<tr class="kind-${escapeHtml(line.kind)}" data-event-id="${escapeHtml(line.eventId)}"><td class="when"><time datetime="${escapeHtml(line.time)}">${escapeHtml(when(line.time))}</time></td><td class="what">${escapeHtml(line.text)}</td><td class="ledger">${ledgerCell(line)}</td></tr>`;
}

/** The page; `nextHref` is this report's next page, when there is one. */
export function renderAccessReport(report: AccessReport, nextHref: string | null): string {
  const body =
    report.lines.length === 0
      ? '<p>Nothing has been recorded about your data in this period.</p>'
      : `<table><thead><tr><th scope="col">When</th><th scope="col">What happened</th><th scope="col">Proof</th></tr></thead><tbody>${report.lines.map(row).join('')}</tbody></table>`;
  const nav = nextHref === null ? '' : `<nav><a rel="next" href="${escapeHtml(nextHref)}">Next page &rarr;</a></nav>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Who accessed your health data</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Who accessed your health data</h1>
<p class="meta">Patient ${escapeHtml(report.patient)} &middot; generated ${escapeHtml(when(report.generatedAt))}. Each line is an event in carechain&rsquo;s audit trail; &ldquo;verified on the ledger&rdquo; links to its proof on the blockchain.</p>
${body}
${nav}
</body>
</html>
`;
}
