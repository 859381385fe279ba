// Shared pieces of every screen: the html tag, page frame, dialogs, toasts, tables, badges, fields.
import { h, render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import htm from 'htm';

export const html = htm.bind(h);
export { render };

/** A screen's title; focused after navigation so keyboard and screen-reader users start at the new page. */
export function Page({ title, actions, children, back }) {
  const heading = useRef();
  useEffect(() => { heading.current?.focus(); }, [title]);
  return html`<div class="page">
    ${back && html`<p class="back"><a href=${back}>← Voltar</a></p>`}
    <div class="page-head">
      <h1 id="page-title" tabindex="-1" ref=${heading}>${title}</h1>
      ${actions && html`<div class="page-actions">${actions}</div>`}
    </div>
    ${children}
  </div>`;
}

export const Loading = ({ label = 'Carregando…' }) => html`<p class="loading" role="status">${label}</p>`;
export const Empty = ({ children }) => html`<p class="empty" role="status">${children}</p>`;
export const ErrorMessage = ({ error }) => error
  ? html`<div class="alert" role="alert">${error.message || String(error)}</div>` : null;

/** Loads data with the API; re-runs when deps change. */
export function useLoad(load, deps) {
  const [state, setState] = useState({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState(s => ({ ...s, loading: true, error: null }));
    load().then(data => live && setState({ data, loading: false }),
      error => live && setState({ error, loading: false }));
    return () => { live = false; };
  }, [...deps, tick]);
  return { ...state, reload: () => setTick(t => t + 1) };
}

const toastListeners = new Set();
export function toast(message, action) {
  toastListeners.forEach(l => l({ id: Math.random(), message, action }));
}
export function Toasts() {
  const [items, setItems] = useState([]);
  useEffect(() => {
    const l = t => {
      setItems(list => [...list, t]);
      setTimeout(() => setItems(list => list.filter(x => x !== t)), 12_000);
    };
    toastListeners.add(l);
    return () => toastListeners.delete(l);
  }, []);
  return html`<div class="toasts" role="status" aria-live="polite">
    ${items.map(t => html`<div class="toast" key=${t.id}>
      <span>${t.message}</span>
      ${t.action && html`<button type="button" class="link" onClick=${t.action.run}>${t.action.label}</button>`}
      <button type="button" class="icon" aria-label="Fechar aviso" onClick=${() => setItems(l => l.filter(x => x !== t))}>×</button>
    </div>`)}
  </div>`;
}

/** A modal dialog (native <dialog>: focus stays inside, Esc closes). */
export function Dialog({ title, children, onClose, actions }) {
  const ref = useRef();
  useEffect(() => {
    const d = ref.current;
    const opener = document.activeElement;
    d.showModal();
    return () => { if (d.open) d.close(); opener?.focus?.(); };
  }, []);
  return html`<dialog ref=${ref} class="dialog" aria-labelledby="dialog-title" onCancel=${e => { e.preventDefault(); onClose(); }}>
    <h2 id="dialog-title">${title}</h2>
    <div class="dialog-body">${children}</div>
    <div class="dialog-actions">${actions}</div>
  </dialog>`;
}

/** "Salvar" → "Sim": asks before a change, as every form of the portal does. */
export function Confirm({ title, message, onYes, onNo, busy }) {
  return html`<${Dialog} title=${title} onClose=${onNo} actions=${html`
      <button type="button" class="secondary" onClick=${onNo}>Não</button>
      <button type="button" class="primary" onClick=${onYes} disabled=${busy}>Sim</button>`}>
    <p>${message}</p>
  <//>`;
}

/** A labelled form field with its error message next to it (from the problem's errors[]). */
export function Field({ id, label, error, hint, children }) {
  return html`<div class=${'field' + (error ? ' invalid' : '')}>
    <label for=${id}>${label}</label>
    ${children}
    ${hint && html`<small id=${id + '-hint'} class="hint">${hint}</small>`}
    ${error && html`<small id=${id + '-error'} class="field-error">${error}</small>`}
  </div>`;
}
/** aria attributes that tie an input to its hint and error. */
export const described = (id, error, hint) => ({
  'aria-invalid': error ? 'true' : undefined,
  'aria-describedby': [error && id + '-error', hint && id + '-hint'].filter(Boolean).join(' ') || undefined,
});

/** A table in a region that scrolls sideways on narrow screens (and is reachable by keyboard). */
export const TableWrap = ({ label, children }) =>
  html`<div class="table-wrap" role="region" aria-label=${label} tabindex="0">${children}</div>`;

/** A sortable column header (WAI-ARIA sortable table: aria-sort on the header, a button inside). */
export function SortHeader({ field, label, sort, onSort }) {
  const [current, dir] = (sort || '').split(',');
  const active = current === field;
  const next = active && dir === 'asc' ? 'desc' : 'asc';
  return html`<th scope="col" aria-sort=${active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
    <button type="button" class="sort" onClick=${() => onSort(`${field},${next}`)}>
      ${label}<span aria-hidden="true">${active ? (dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
    </button>
  </th>`;
}

export function Pagination({ page, onPage, label }) {
  if (!page || page.totalPages <= 1) return null;
  return html`<nav class="pagination" aria-label=${'Paginação de ' + label}>
    <button type="button" class="secondary" disabled=${page.page === 0} onClick=${() => onPage(page.page - 1)}>Anterior</button>
    <span>Página ${page.page + 1} de ${page.totalPages} (${page.totalItems} itens)</span>
    <button type="button" class="secondary" disabled=${page.page + 1 >= page.totalPages} onClick=${() => onPage(page.page + 1)}>Próxima</button>
  </nav>`;
}

const BADGES = {
  OPEN: 'info', PENDING: 'danger', INSTALLMENT: 'warning', PAID: 'success',
  ACTIVE: 'success', INSTALLING: 'info', SUSPENDED: 'warning', CANCELLED: 'muted',
  OVERDUE: 'danger', INACTIVE: 'muted', READY: 'success', RUNNING: 'info', REQUESTED: 'info', FAILED: 'danger', EXPIRED: 'muted',
};
export const Badge = ({ status, label }) => html`<span class=${'badge ' + (BADGES[status] || 'info')}>${label}</span>`;

export const INVOICE_STATUS = { OPEN: 'A vencer', PENDING: 'Pendente', INSTALLMENT: 'Parcelada', PAID: 'Paga' };
export const SERVICE_STATUS = { INSTALLING: 'Em instalação', ACTIVE: 'Ativo', SUSPENDED: 'Suspenso', CANCELLED: 'Cancelado' };
export const INSTALLMENT_STATUS = { PAID: 'Paga', OPEN: 'Em aberto', OVERDUE: 'Vencida' };
export const USER_STATUS = { ACTIVE: 'Ativo', INACTIVE: 'Inativo' };

/** Asks which spreadsheet format, as the guide's "Selecionar a extensão do arquivo" → "Confirmar". */
export function FormatDialog({ title, onChoose, onClose, busy }) {
  const [format, setFormat] = useState('csv');
  return html`<${Dialog} title=${title} onClose=${onClose} actions=${html`
      <button type="button" class="secondary" onClick=${onClose}>Cancelar</button>
      <button type="button" class="primary" disabled=${busy} onClick=${() => onChoose(format)}>Confirmar</button>`}>
    <fieldset class="choices">
      <legend>Selecione a extensão do arquivo</legend>
      ${['csv', 'xlsx'].map(f => html`<label key=${f}>
        <input type="radio" name="format" value=${f} checked=${format === f} onChange=${() => setFormat(f)}/> .${f.toUpperCase()}
      </label>`)}
    </fieldset>
  <//>`;
}

/** The guide's answer to an export request: where to follow it and how long the file stays. */
export function ExportRequestedDialog({ format, onClose }) {
  return html`<${Dialog} title=${`Geração de ${format.toUpperCase()} solicitada com sucesso!`} onClose=${onClose}
      actions=${html`<button type="button" class="primary" onClick=${onClose}>OK</button>`}>
    <p>Acompanhe nas <a href="#/notificacoes" onClick=${onClose}>notificações</a> para detalhes do progresso.
       O arquivo gerado ficará disponível por até 3 dias.</p>
  <//>`;
}
