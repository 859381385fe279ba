// Serviços: service types, the contract's filters, the list, "Download" and the map.
import { useState } from 'preact/hooks';
import { html, Page, Loading, Empty, ErrorMessage, useLoad, TableWrap, Pagination, Badge, Field, SERVICE_STATUS,
  FormatDialog, ExportRequestedDialog } from '../ui.js';
import { api, query } from '../api.js';
import { formatNumber, formatCep } from '../format.js';
import { can } from '../home/home.js';
import { ServiceMap } from './mapa.js';

export const UFS = ['AC', 'AL', 'AM', 'AP', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MG', 'MS', 'MT', 'PA', 'PB', 'PE', 'PI', 'PR',
  'RJ', 'RN', 'RO', 'RR', 'RS', 'SC', 'SE', 'SP', 'TO'];
const EMPTY = { designation: '', state: '', city: '', contract: '', clientCode: '', speedMbps: '', status: '', serviceType: '' };

export const speed = mbps => mbps >= 1000 && mbps % 1000 === 0 ? `${formatNumber(mbps / 1000)} Gbps` : `${formatNumber(mbps)} Mbps`;
// the map's address of a CEP has no number (its services may differ in it)
export const addressLine = a => a ? [a.number ? `${a.street}, ${a.number}` : a.street, a.complement, a.district, `${a.city}/${a.state}`, `CEP ${formatCep(a.cep)}`]
  .filter(Boolean).join(' · ') : '—';

export function Services({ me }) {
  const [filters, setFilters] = useState(EMPTY);
  const [draft, setDraft] = useState(EMPTY);
  const [page, setPage] = useState(0);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState(null);
  const [error, setError] = useState(null);
  const canList = can(me, 'SERVICES_VIEW');
  const types = useLoad(() => canList ? api.get('/services/types') : Promise.resolve([]), []);
  const list = useLoad(() => canList ? api.get('/services' + query({ ...filters, page, size: 20 })) : Promise.resolve(null),
    [JSON.stringify(filters), page]);
  const set = (k, v) => setDraft(d => ({ ...d, [k]: v }));
  const apply = f => { setFilters(f); setPage(0); };

  async function requestExport(format) {
    setError(null);
    try {
      const f = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ''));
      if (f.speedMbps) f.speedMbps = Number(f.speedMbps);
      await api.post('/exports', { dataset: 'services', format, filters: f });
      setExporting(false);
      setExported(format);
    } catch (e) {
      setExporting(false);
      setError(e);
    }
  }

  return html`<${Page} title="Serviços" actions=${can(me, 'SERVICES_EXPORT') && html`
      <button type="button" class="primary" onClick=${() => setExporting(true)}>Download</button>`}>
    <${ErrorMessage} error=${error}/>
    ${canList && html`<${TypeCards} types=${types} active=${filters.serviceType}
        onPick=${t => { const f = { ...filters, serviceType: filters.serviceType === t ? '' : t }; setDraft(f); apply(f); }}/>`}
    ${canList && html`<form class="filters" aria-label="Filtros de serviços" onSubmit=${e => { e.preventDefault(); apply(draft); }}>
      <${Field} id="s-designation" label="Designação"><input id="s-designation" value=${draft.designation} onInput=${e => set('designation', e.target.value)}/><//>
      <${Field} id="s-state" label="UF">
        <select id="s-state" value=${draft.state} onChange=${e => set('state', e.target.value)}>
          <option value="">Todas</option>${UFS.map(u => html`<option key=${u} value=${u}>${u}</option>`)}
        </select>
      <//>
      <${Field} id="s-city" label="Cidade"><input id="s-city" value=${draft.city} onInput=${e => set('city', e.target.value)}/><//>
      <${Field} id="s-contract" label="Contrato"><input id="s-contract" value=${draft.contract} onInput=${e => set('contract', e.target.value)}/><//>
      <${Field} id="s-client" label="Código do cliente"><input id="s-client" value=${draft.clientCode} onInput=${e => set('clientCode', e.target.value)}/><//>
      <${Field} id="s-speed" label="Velocidade (Mbps)"><input id="s-speed" type="number" min="1" inputmode="numeric" value=${draft.speedMbps} onInput=${e => set('speedMbps', e.target.value)}/><//>
      <${Field} id="s-status" label="Status">
        <select id="s-status" value=${draft.status} onChange=${e => set('status', e.target.value)}>
          <option value="">Todos</option>${Object.entries(SERVICE_STATUS).map(([k, v]) => html`<option key=${k} value=${k}>${v}</option>`)}
        </select>
      <//>
      <${Field} id="s-type" label="Tipo de serviço">
        <select id="s-type" value=${draft.serviceType} onChange=${e => set('serviceType', e.target.value)}>
          <option value="">Todos</option>${(types.data || []).map(t => html`<option key=${t.serviceType} value=${t.serviceType}>${t.serviceType}</option>`)}
        </select>
      <//>
      <div class="filter-actions">
        <button type="submit" class="primary">Buscar</button>
        <button type="button" class="secondary" onClick=${() => { setDraft(EMPTY); apply(EMPTY); }}>Limpar</button>
      </div>
    </form>`}
    ${can(me, 'SERVICES_MAP') && html`<${ServiceMap}/>`}
    ${canList ? html`<h2>Lista de serviços contratados</h2><${ServiceTable} list=${list} onPage=${setPage}/>`
      : !can(me, 'SERVICES_MAP') && html`<${ErrorMessage} error=${{ message: 'Seu perfil não dá acesso a esta funcionalidade.' }}/>`}
    ${exporting && html`<${FormatDialog} title="Download da lista de serviços" onClose=${() => setExporting(false)} onChoose=${requestExport}/>`}
    ${exported && html`<${ExportRequestedDialog} format=${exported} onClose=${() => setExported(null)}/>`}
  <//>`;
}

function TypeCards({ types, active, onPick }) {
  if (types.loading && !types.data) return html`<${Loading} label="Carregando tipos de serviço…"/>`;
  if (types.error) return html`<${ErrorMessage} error=${types.error}/>`;
  return html`<ul class="cards summary" aria-label="Tipos de serviço">
    ${types.data.map(t => html`<li key=${t.serviceType} class="card">
      <button type="button" class="card-button" aria-pressed=${active === t.serviceType} onClick=${() => onPick(t.serviceType)}>
        <span class="card-title">${t.serviceType}</span><span class="card-count">${formatNumber(t.count)} serviços</span>
      </button></li>`)}
  </ul>`;
}

function ServiceTable({ list, onPage }) {
  if (list.loading && !list.data) return html`<${Loading} label="Carregando serviços…"/>`;
  if (list.error) return html`<${ErrorMessage} error=${list.error}/>`;
  const page = list.data;
  if (!page.items.length) return html`<${Empty}>Nenhum serviço encontrado para os filtros escolhidos.<//>`;
  return html`<${TableWrap} label="Lista de serviços contratados">
      <table>
        <caption class="sr-only">Serviços contratados, ${page.totalItems} no total</caption>
        <thead><tr><th scope="col">Designação</th><th scope="col">Tipo de serviço</th><th scope="col">Contrato</th>
          <th scope="col">Código cliente</th><th scope="col">Velocidade</th><th scope="col">Status</th><th scope="col">Cidade/UF</th></tr></thead>
        <tbody>${page.items.map(s => html`<tr key=${s.designation}>
          <th scope="row"><a href=${'#/servicos/' + encodeURIComponent(s.designation)} aria-label=${'Detalhe da designação ' + s.designation}>${s.designation}</a></th>
          <td>${s.serviceType}</td><td>${s.contract}</td><td>${s.clientCode}</td><td>${speed(s.speedMbps)}</td>
          <td><${Badge} status=${s.status} label=${SERVICE_STATUS[s.status] || s.status}/></td>
          <td>${s.address ? `${s.address.city}/${s.address.state}` : '—'}</td>
        </tr>`)}</tbody>
      </table>
    <//>
    <${Pagination} page=${page} onPage=${onPage} label="serviços"/>`;
}
