// Detalhe da fatura: services and amounts, per-service items, "Ver detalhes" of its status, boleto, "Pagar com Pix",
// Nota Fiscal, the services spreadsheet and, for a negotiated invoice, the installments (each unpaid one payable by
// Pix) with "Download detalhes".
import { useState } from 'preact/hooks';
import { html, Page, Loading, ErrorMessage, useLoad, TableWrap, Badge, INSTALLMENT_STATUS, FormatDialog } from '../ui.js';
import { api, download } from '../api.js';
import { formatDate, formatMoney, plural } from '../format.js';
import { can } from '../home/home.js';
import { dueText, downloadBoleto, downloadNotaFiscal } from './faturas.js';
import { PixDialog } from './pix.js';

export function InvoiceDetail({ number, me }) {
  const enc = encodeURIComponent(number);
  const invoice = useLoad(() => api.get(`/invoices/${enc}`), [number]);
  const [details, setDetails] = useState(false);
  const [service, setService] = useState(null);
  const [sheet, setSheet] = useState(false);
  const [pix, setPix] = useState(null);
  const [error, setError] = useState(null);
  const act = fn => async () => { setError(null); try { await fn(); } catch (e) { setError(e); } };

  if (invoice.loading) return html`<${Page} title=${'Fatura ' + number} back="#/faturas"><${Loading}/><//>`;
  if (invoice.error) return html`<${Page} title=${'Fatura ' + number} back="#/faturas"><${ErrorMessage} error=${invoice.error}/><//>`;
  const i = invoice.data;
  const payable = i.status === 'OPEN' || i.status === 'PENDING';
  return html`<${Page} title=${'Fatura ' + i.number} back="#/faturas" actions=${html`
      ${can(me, 'INVOICES_BOLETO') && payable && html`<button type="button" class="primary"
          onClick=${() => setPix({ path: `/invoices/${enc}/pix`, what: `Fatura ${i.number}` })}>Pagar com Pix</button>`}
      ${can(me, 'INVOICES_BOLETO') && payable && html`<button type="button" class="secondary" onClick=${act(() => downloadBoleto(i.number))}>Boleto (PDF)</button>`}
      ${can(me, 'INVOICES_NOTA_FISCAL') && html`<button type="button" class="secondary" onClick=${act(() => downloadNotaFiscal(i.number))}>Nota Fiscal (.zip)</button>`}
      <button type="button" class="secondary" onClick=${() => setSheet(true)}>Planilha de serviços</button>`}>
    <${ErrorMessage} error=${error}/>
    <dl class="facts">
      <div><dt>Status</dt><dd><${Badge} status=${i.status} label=${i.statusLabel}/></dd></div>
      <div><dt>Data emissão</dt><dd>${formatDate(i.issueDate)}</dd></div>
      <div><dt>Data vencimento</dt><dd>${formatDate(i.dueDate)}</dd></div>
      <div><dt>Valor total</dt><dd>${formatMoney(i.totalAmount)}</dd></div>
      <div><dt>Valor devido</dt><dd>${formatMoney(i.amountDue)}</dd></div>
      <div><dt>Empresa emissora</dt><dd>${i.issuer}</dd></div>
      <div><dt>Prazo</dt><dd>${dueText(i)}</dd></div>
    </dl>
    <p><button type="button" class="secondary" aria-expanded=${details} aria-controls="status-detail" onClick=${() => setDetails(!details)}>
      ${details ? 'Fechar detalhes' : 'Ver detalhes'}</button></p>
    <div id="status-detail" hidden=${!details}>${details && html`<${StatusDetail} invoice=${i} onError=${setError}
        onPix=${can(me, 'INVOICES_BOLETO') ? setPix : null}/>`}</div>
    <h2>Serviços da fatura</h2>
    <${TableWrap} label="Serviços da fatura">
      <table>
        <thead><tr><th scope="col">Designação</th><th scope="col">Tipo de serviço</th><th scope="col" class="num">Valor</th><th scope="col">Itens</th></tr></thead>
        <tbody>${i.services.map(s => html`<tr key=${s.designation}>
          <th scope="row">${s.designation}</th><td>${s.serviceType}</td><td class="num">${formatMoney(s.amount)}</td>
          <td><button type="button" class="small secondary" aria-label=${'Ver itens do serviço ' + s.designation}
                      onClick=${() => setService(s.designation)}>Ver itens</button></td>
        </tr>`)}</tbody>
        <tfoot><tr><th scope="row" colspan="2">Valor total</th><td class="num">${formatMoney(i.totalAmount)}</td><td></td></tr></tfoot>
      </table>
    <//>
    ${service && html`<${ServiceItems} number=${i.number} designation=${service} onClose=${() => setService(null)}/>`}
    ${sheet && html`<${FormatDialog} title="Planilha com os serviços da fatura" onClose=${() => setSheet(false)}
        onChoose=${f => { setSheet(false); act(() => download(`/invoices/${enc}/services/export?format=${f}`, { fallbackName: `fatura-${i.number}.${f}` }))(); }}/>`}
    ${pix && html`<${PixDialog} path=${pix.path} what=${pix.what} onClose=${() => setPix(null)}/>`}
  <//>`;
}

function ServiceItems({ number, designation, onClose }) {
  const items = useLoad(() => api.get(`/invoices/${encodeURIComponent(number)}/services/${encodeURIComponent(designation)}`), [designation]);
  return html`<div class="panel">
    <div class="panel-head"><h2 id="items-title">Itens do serviço ${designation}</h2>
      <button type="button" class="secondary small" onClick=${onClose}>Fechar</button></div>
    ${items.loading ? html`<${Loading}/>` : items.error ? html`<${ErrorMessage} error=${items.error}/>` : html`
      <${TableWrap} label=${'Itens do serviço ' + designation}>
        <table>
          <thead><tr><th scope="col">Descrição</th><th scope="col">Período</th><th scope="col" class="num">Valor</th></tr></thead>
          <tbody>${items.data.items.map((it, n) => html`<tr key=${n}>
            <td>${it.description}</td>
            <td>${it.periodStart ? `${formatDate(it.periodStart)} a ${formatDate(it.periodEnd)}` : '—'}</td>
            <td class="num">${formatMoney(it.amount)}</td></tr>`)}</tbody>
        </table>
      <//>`}
  </div>`;
}

function StatusDetail({ invoice, onError, onPix }) {
  const d = invoice.statusDetail || {};
  switch (invoice.status) {
    case 'PENDING': return html`<${TableWrap} label="Atraso da fatura"><table>
      <thead><tr><th scope="col">Data de vencimento</th><th scope="col">Dias em atraso</th><th scope="col" class="num">Valor devido</th></tr></thead>
      <tbody><tr><td>${formatDate(d.dueDate)}</td><td>${plural(d.daysOverdue, 'dia', 'dias')}</td><td class="num">${formatMoney(d.amountDue)}</td></tr></tbody>
    </table><//>`;
    case 'OPEN': return html`<p class="detail-box">Vencimento em ${formatDate(d.dueDate)}:
      ${d.daysUntilDue === 0 ? 'vence hoje.' : `faltam ${plural(d.daysUntilDue, 'dia', 'dias')} para o vencimento.`}</p>`;
    case 'PAID': return html`<p class="detail-box">Paga em ${formatDate(d.paidOn)}: ${formatMoney(d.amountPaid)}.</p>`;
    case 'INSTALLMENT': return html`<div class="detail-box">
      <dl class="facts">
        <div><dt>Negociação</dt><dd>${d.negotiationId}</dd></div>
        <div><dt>Data do acordo</dt><dd>${formatDate(d.agreedOn)}</dd></div>
        <div><dt>Número de parcelas</dt><dd>${d.installmentCount}</dd></div>
        <div><dt>Faturas negociadas</dt><dd>${(d.negotiatedInvoices || []).map(n => n.number).join(', ')}</dd></div>
      </dl>
      <${TableWrap} label="Parcelas da negociação"><table>
        <thead><tr><th scope="col">Parcela</th><th scope="col">Vencimento</th><th scope="col" class="num">Valor</th><th scope="col">Status</th><th scope="col">Pago em</th>${onPix && html`<th scope="col">Pagamento</th>`}</tr></thead>
        <tbody>${(d.installments || []).map(p => html`<tr key=${p.number}>
          <th scope="row">${p.number}</th><td>${formatDate(p.dueDate)}</td><td class="num">${formatMoney(p.amount)}</td>
          <td><${Badge} status=${p.status} label=${INSTALLMENT_STATUS[p.status] || p.status}/></td><td>${formatDate(p.paidOn)}</td>
          ${onPix && html`<td>${p.status !== 'PAID' && html`<button type="button" class="small secondary" aria-label=${`Pagar parcela ${p.number} com Pix`}
              onClick=${() => onPix({ path: `/negotiations/${encodeURIComponent(d.negotiationId)}/installments/${p.number}/pix`,
                                      what: `Parcela ${p.number} da negociação ${d.negotiationId}` })}>Pagar com Pix</button>`}</td>`}</tr>`)}</tbody>
      </table><//>
      <p><button type="button" class="primary" onClick=${async () => { try { await download(`/negotiations/${encodeURIComponent(d.negotiationId)}/export?format=xlsx`, { fallbackName: `negociacao-${d.negotiationId}.xlsx` }); } catch (e) { onError(e); } }}>Download detalhes</button></p>
    </div>`;
    default: return null;
  }
}
