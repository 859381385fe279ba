// Notificações: the user's exports with live progress from the SSE stream, a toast when one is ready, download.
import { useEffect, useState } from 'preact/hooks';
import { html, Page, Loading, Empty, ErrorMessage, TableWrap, Badge, toast } from '../ui.js';
import { api, stream, download } from '../api.js';
import { formatDateTime, formatNumber } from '../format.js';

const STATUS = { REQUESTED: 'Solicitado', RUNNING: 'Gerando', READY: 'Pronto', FAILED: 'Falhou', EXPIRED: 'Expirado' };
const DATASET = { invoices: 'Lista de faturas', services: 'Lista de serviços' };

/** The signed-in user's notifications, kept current by the stream while the user is signed in. */
export const notifications = (() => {
  let items = null;
  let error = null;
  let stopStream = null;
  const listeners = new Set();
  const publish = () => listeners.forEach(l => l({ items, error }));
  function upsert(n) {
    const before = (items || []).find(x => x.id === n.id);
    items = [n, ...(items || []).filter(x => x.id !== n.id)].sort((a, b) => (b.createdAt || '').localeCompare(a.createdAt || ''));
    publish();
    if (n.status === 'READY' && before?.status !== 'READY') {
      toast(`Arquivo pronto: ${DATASET[n.dataset] || n.dataset} (${n.format.toUpperCase()}).`,
        { label: 'Baixar', run: () => downloadExport(n).catch(e => toast(e.message)) });
    }
  }
  return {
    start() {
      if (stopStream) return;
      // the stream first, so no change between the list and the stream is missed; the list then fills the rest
      stopStream = stream('/notifications/stream', (name, data) => {
        if (name === 'notification') { try { upsert(JSON.parse(data)); } catch { /* not a notification */ } }
      });
      api.get('/notifications?size=100').then(page => {
        const live = new Map((items || []).map(n => [n.id, n]));
        items = page.items.map(n => live.get(n.id) || n);
        for (const n of live.values()) if (!items.some(x => x.id === n.id)) items.unshift(n);
        error = null;
        publish();
      }, e => { error = e; publish(); });
    },
    stop() {
      stopStream?.();
      stopStream = null;
      items = null;
      publish();
    },
    subscribe(listener) {
      listeners.add(listener);
      listener({ items, error });
      return () => listeners.delete(listener);
    },
  };
})();

function useNotifications() {
  const [state, setState] = useState({ items: null, error: null });
  useEffect(() => notifications.subscribe(setState), []);
  return state;
}

async function downloadExport(n) {
  return download(`/exports/${encodeURIComponent(n.exportId)}/file`, { fallbackName: `${n.dataset}.${n.format}` });
}

const isExpired = n => n.status === 'EXPIRED' || (n.expiresAt && new Date(n.expiresAt) < new Date());

export function NotificationBell() {
  const { items } = useNotifications();
  const ready = (items || []).filter(n => n.status === 'READY' && !isExpired(n)).length;
  const running = (items || []).filter(n => n.status === 'REQUESTED' || n.status === 'RUNNING').length;
  const label = `Notificações: ${ready} ${ready === 1 ? 'arquivo pronto' : 'arquivos prontos'}${running ? `, ${running} em geração` : ''}`;
  return html`<a class="bell" href="#/notificacoes" aria-label=${label}>
    <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24" class="bell-icon">
      <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"/>
    </svg><span class="bell-text">Notificações</span>
    ${ready > 0 && html`<span class="count" aria-hidden="true">${ready}</span>`}
  </a>`;
}

export function Notifications() {
  const { items, error } = useNotifications();
  const [downloadError, setDownloadError] = useState(null);
  return html`<${Page} title="Notificações">
    <p>Os arquivos gerados ficam disponíveis por até 3 dias.</p>
    <${ErrorMessage} error=${error || downloadError}/>
    ${items === null ? html`<${Loading}/>` : !items.length ? html`<${Empty}>Nenhuma notificação. Peça um arquivo em Faturas ou Serviços.<//>` : html`
      <${TableWrap} label="Notificações">
        <table>
          <thead><tr><th scope="col">Arquivo</th><th scope="col">Solicitado em</th><th scope="col">Status</th><th scope="col">Progresso</th>
            <th scope="col">Linhas</th><th scope="col">Disponível até</th><th scope="col">Ações</th></tr></thead>
          <tbody>${items.map(n => {
            const expired = isExpired(n);
            const status = expired ? 'EXPIRED' : n.status;
            const name = `${DATASET[n.dataset] || n.dataset} (${n.format.toUpperCase()})`;
            return html`<tr key=${n.id}>
              <th scope="row">${name}</th>
              <td>${formatDateTime(n.createdAt)}</td>
              <td><${Badge} status=${status} label=${STATUS[status] || status}/></td>
              <td><progress max="100" value=${n.progress ?? 0} aria-label=${'Progresso de ' + name}></progress> ${n.progress ?? 0}%</td>
              <td>${n.rowCount == null ? '—' : formatNumber(n.rowCount)}</td>
              <td>${formatDateTime(n.expiresAt)}</td>
              <td>${status === 'READY'
                ? html`<button type="button" class="small primary" aria-label=${'Baixar ' + name}
                    onClick=${async () => { setDownloadError(null); try { await downloadExport(n); } catch (e) { setDownloadError(e); } }}>Download</button>`
                : expired ? html`<span>Expirado</span>` : '—'}</td>
            </tr>`;
          })}</tbody>
        </table>
      <//>`}
  <//>`;
}
