// Detalhe da designação: the service and its change history, oldest first.
import { html, Page, Loading, ErrorMessage, useLoad, TableWrap, Badge, SERVICE_STATUS } from '../ui.js';
import { api } from '../api.js';
import { formatDate, formatDateTime } from '../format.js';
import { speed, addressLine } from './servicos.js';

export function ServiceDetail({ designation }) {
  const service = useLoad(() => api.get('/services/' + encodeURIComponent(designation)), [designation]);
  const title = 'Designação ' + designation;
  if (service.loading) return html`<${Page} title=${title} back="#/servicos"><${Loading}/><//>`;
  if (service.error) return html`<${Page} title=${title} back="#/servicos"><${ErrorMessage} error=${service.error}/><//>`;
  const s = service.data;
  return html`<${Page} title=${title} back="#/servicos">
    <dl class="facts">
      <div><dt>Tipo de serviço</dt><dd>${s.serviceType}</dd></div>
      <div><dt>Status</dt><dd><${Badge} status=${s.status} label=${SERVICE_STATUS[s.status] || s.status}/></dd></div>
      <div><dt>Velocidade</dt><dd>${speed(s.speedMbps)}</dd></div>
      <div><dt>Contrato</dt><dd>${s.contract}</dd></div>
      <div><dt>Código cliente</dt><dd>${s.clientCode}</dd></div>
      ${s.activatedOn && html`<div><dt>Ativado em</dt><dd>${formatDate(s.activatedOn)}</dd></div>`}
      <div class="wide"><dt>Endereço</dt><dd>${addressLine(s.address)}</dd></div>
    </dl>
    <h2>Histórico de alterações</h2>
    <${TableWrap} label="Histórico de alterações">
      <table>
        <thead><tr><th scope="col">Data</th><th scope="col">Alteração</th></tr></thead>
        <tbody>${(s.history || []).map((c, n) => html`<tr key=${n}><td>${formatDateTime(c.at)}</td><td>${c.change}</td></tr>`)}</tbody>
      </table>
    <//>
    <p><a class="button secondary" href="#/servicos">Voltar</a></p>
  <//>`;
}
