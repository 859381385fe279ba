// Faturas: summary cards, filters Mês / Ano / Status / Data de vencimento, the sortable paginated list, "Exportar".
import { useState } from 'preact/hooks';
import { html, Page, Loading, Empty, ErrorMessage, useLoad, TableWrap, SortHeader, Pagination, Badge, Field,
  INVOICE_STATUS, FormatDialog, ExportRequestedDialog } from '../ui.js';
import { api, query, download } from '../api.js';
import { formatDate, formatMoney, monthNames, plural } from '../format.js';
import { can } from '../home/home.js';

const FILTERS = ['year', 'month', 'status', 'dueDate'];

function go(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  location.hash = '#/faturas' + (s ? '?' + s : '');
}

export function Invoices({ me, params }) {
  const current = Object.fromEntries(FILTERS.map(f => [f, params.get(f) || '']));
  const sort = params.get('sort') || 'dueDate,desc';
  const page = Number(params.get('page') || 0);
  const key = params.toString();
  const summary = useLoad(() => api.get('/invoices/summary'), []);
  const list = useLoad(() => api.get('/invoices' + query({ ...current, sort, page, size: 20 })), [key]);
  const [draft, setDraft] = useState(current);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState(null);
  const [exportError, setExportError] = useState(null);
  const set = (name, value) => setDraft(d => ({ ...d, [name]: value }));
  const apply = changes => go({ ...current, sort, ...changes, page: 0 });
  const year = new Date().getFullYear();

  async function requestExport(format) {
    setExportError(null);
    try {
      const filters = Object.fromEntries(Object.entries(current).filter(([, v]) => v));
      if (filters.year) filters.year = Number(filters.year);
      if (filters.month) filters.month = Number(filters.month);
      if (filters.status) filters.status = [filters.status];
      await api.post('/exports', { dataset: 'invoices', format, filters });
      setExporting(false);
      setExported(format);
    } catch (e) {
      setExporting(false);
      setExportError(e);
    }
  }

  return html`<${Page} title="Faturas" actions=${can(me, 'INVOICES_EXPORT') && html`
      <button type="button" class="primary" onClick=${() => setExporting(true)}>Exportar</button>`}>
    <${ErrorMessage} error=${exportError}/>
    <${SummaryCards} summary=${summary} active=${current.status} onPick=${status => { setDraft(d => ({ ...d, status })); apply({ status }); }}/>
    <form class="filters" aria-label="Filtros de faturas" onSubmit=${e => { e.preventDefault(); apply(draft); }}>
      <${Field} id="f-month" label="Mês">
        <select id="f-month" value=${draft.month} onChange=${e => set('month', e.target.value)}>
          <option value="">Todos</option>
          ${monthNames.map((m, i) => html`<option key=${i} value=${i + 1}>${m}</option>`)}
        </select>
      <//>
      <${Field} id="f-year" label="Ano">
        <select id="f-year" value=${draft.year} onChange=${e => set('year', e.target.value)}>
          <option value="">Todos</option>
          ${[0, 1, 2, 3, 4, 5].map(d => html`<option key=${d} value=${year - d}>${year - d}</option>`)}
        </select>
      <//>
      <${Field} id="f-status" label="Status">
        <select id="f-status" value=${draft.status} onChange=${e => set('status', e.target.value)}>
          <option value="">Todos</option>
          ${Object.entries(INVOICE_STATUS).map(([k, v]) => html`<option key=${k} value=${k}>${v}</option>`)}
        </select>
      <//>
      <${Field} id="f-due" label="Data de vencimento">
        <input id="f-due" type="date" value=${draft.dueDate} onInput=${e => set('dueDate', e.target.value)}/>
      <//>
      <div class="filter-actions">
        <button type="submit" class="primary">Buscar</button>
        <button type="button" class="secondary" onClick=${() => { setDraft({ year: '', month: '', status: '', dueDate: '' }); go({ sort }); }}>Todas</button>
      </div>
    </form>
    <${InvoiceTable} me=${me} list=${list} sort=${sort} onSort=${s => go({ ...current, sort: s, page: 0 })}
                     onPage=${p => go({ ...current, sort, page: p })}/>
    ${exporting && html`<${FormatDialog} title="Download da lista de faturas" onClose=${() => setExporting(false)} onChoose=${requestExport}/>`}
    ${exported && html`<${ExportRequestedDialog} format=${exported} onClose=${() => setExported(null)}/>`}
  <//>`;
}

function SummaryCards({ summary, active, onPick }) {
  if (summary.loading && !summary.data) return html`<${Loading} label="Carregando resumo…"/>`;
  if (summary.error) return html`<${ErrorMessage} error=${summary.error}/>`;
  const by = Object.fromEntries((summary.data || []).map(s => [s.status, s]));
  return html`<ul class="cards summary" aria-label="Resumo das faturas">
    ${Object.entries(INVOICE_STATUS).map(([status, label]) => {
      const s = by[status] || { count: 0, amount: 0 };
      return html`<li key=${status} class=${'card status-' + status.toLowerCase()}>
        <button type="button" class="card-button" aria-pressed=${active === status} onClick=${() => onPick(status)}>
          <span class="card-title">${label}</span>
          <span class="card-count">${plural(s.count, 'fatura', 'faturas')}</span>
          <span class="card-amount">${formatMoney(s.amount)}</span>
        </button>
      </li>`;
    })}
  </ul>`;
}

export function dueText(invoice) {
  if (invoice.daysOverdue != null) return plural(invoice.daysOverdue, 'dia em atraso', 'dias em atraso');
  if (invoice.daysUntilDue != null) return invoice.daysUntilDue === 0 ? 'vence hoje' : `vence em ${plural(invoice.daysUntilDue, 'dia', 'dias')}`;
  return '—';
}

export async function downloadBoleto(number) {
  return download(`/invoices/${encodeURIComponent(number)}/boleto`, { accept: 'application/pdf', fallbackName: `boleto-${number}.pdf` });
}
export async function downloadNotaFiscal(number) {
  return download(`/invoices/${encodeURIComponent(number)}/nota-fiscal`, { accept: 'application/zip', fallbackName: `nota-fiscal-${number}.zip` });
}

function InvoiceTable({ me, list, sort, onSort, onPage }) {
  const [error, setError] = useState(null);
  if (list.loading && !list.data) return html`<${Loading} label="Carregando faturas…"/>`;
  if (list.error) return html`<${ErrorMessage} error=${list.error}/>`;
  const page = list.data;
  if (!page.items.length) return html`<${Empty}>Nenhuma fatura encontrada para os filtros escolhidos.<//>`;
  const act = fn => async () => { setError(null); try { await fn(); } catch (e) { setError(e); } };
  return html`
    <${ErrorMessage} error=${error}/>
    <${TableWrap} label="Lista de faturas">
      <table>
        <caption class="sr-only">Faturas, ${page.totalItems} no total</caption>
        <thead><tr>
          <th scope="col">Nº fatura</th>
          <${SortHeader} field="issueDate" label="Data emissão" sort=${sort} onSort=${onSort}/>
          <${SortHeader} field="dueDate" label="Data vencimento" sort=${sort} onSort=${onSort}/>
          <${SortHeader} field="totalAmount" label="Valor total" sort=${sort} onSort=${onSort}/>
          <th scope="col">Empresa emissora</th>
          <th scope="col">Status</th>
          <th scope="col">Prazo</th>
          <th scope="col">Ações</th>
        </tr></thead>
        <tbody>${page.items.map(i => html`<tr key=${i.number}>
          <th scope="row">${i.number}</th>
          <td>${formatDate(i.issueDate)}</td>
          <td>${formatDate(i.dueDate)}</td>
          <td class="num">${formatMoney(i.totalAmount)}</td>
          <td>${i.issuer}</td>
          <td><${Badge} status=${i.status} label=${i.statusLabel}/></td>
          <td>${dueText(i)}</td>
          <td class="actions">
            <a class="button small" href=${'#/faturas/' + encodeURIComponent(i.number)} aria-label=${'Visualizar fatura ' + i.number}>Visualizar</a>
            ${can(me, 'INVOICES_BOLETO') && (i.status === 'OPEN' || i.status === 'PENDING') && html`
              <button type="button" class="small secondary" aria-label=${'Boleto da fatura ' + i.number} onClick=${act(() => downloadBoleto(i.number))}>Boleto</button>`}
            ${can(me, 'INVOICES_NOTA_FISCAL') && html`
              <button type="button" class="small secondary" aria-label=${'Nota Fiscal da fatura ' + i.number} onClick=${act(() => downloadNotaFiscal(i.number))}>Nota Fiscal</button>`}
          </td>
        </tr>`)}</tbody>
      </table>
    <//>
    <${Pagination} page=${page} onPage=${onPage} label="faturas"/>`;
}
