// Usuários: the list with its filters, create and edit ("Salvar" → "Sim"), deactivate and reactivate.
import { useEffect, useState } from 'preact/hooks';
import { html, Page, Loading, Empty, ErrorMessage, useLoad, TableWrap, Pagination, Field, described, Confirm, Badge,
  USER_STATUS, toast } from '../ui.js';
import { api, query } from '../api.js';
import { formatDateTime } from '../format.js';

export function Users() {
  const [filters, setFilters] = useState({ q: '', status: 'ACTIVE', profileId: '' });
  const [draft, setDraft] = useState(filters);
  const [page, setPage] = useState(0);
  const [pending, setPending] = useState(null);
  const [error, setError] = useState(null);
  const profiles = useLoad(() => api.get('/profiles'), []);
  const users = useLoad(() => api.get('/users' + query({ ...filters, page, size: 20 })), [JSON.stringify(filters), page]);

  async function change() {
    const { user, action } = pending;
    setPending(null);
    setError(null);
    try {
      await api.post(`/users/${user.id}/${action}`);
      toast(action === 'deactivate' ? `Usuário ${user.name} desativado.` : `Usuário ${user.name} reativado.`);
      users.reload();
    } catch (e) {
      setError(e);
    }
  }
  return html`<${Page} title="Usuários" back="#/administracao" actions=${html`<a class="button primary" href="#/administracao/usuarios/novo">Criar usuário</a>`}>
    <${ErrorMessage} error=${error}/>
    <form class="filters" aria-label="Filtros de usuários" onSubmit=${e => { e.preventDefault(); setFilters(draft); setPage(0); }}>
      <${Field} id="u-q" label="Nome ou e-mail"><input id="u-q" value=${draft.q} onInput=${e => setDraft({ ...draft, q: e.target.value })}/><//>
      <${Field} id="u-status" label="Status">
        <select id="u-status" value=${draft.status} onChange=${e => setDraft({ ...draft, status: e.target.value })}>
          <option value="">Todos</option><option value="ACTIVE">Ativos</option><option value="INACTIVE">Inativos</option>
        </select>
      <//>
      <${Field} id="u-profile" label="Perfil">
        <select id="u-profile" value=${draft.profileId} onChange=${e => setDraft({ ...draft, profileId: e.target.value })}>
          <option value="">Todos</option>${(profiles.data || []).map(p => html`<option key=${p.id} value=${p.id}>${p.name}</option>`)}
        </select>
      <//>
      <div class="filter-actions"><button type="submit" class="primary">Buscar</button></div>
    </form>
    ${users.loading && !users.data ? html`<${Loading}/>` : users.error ? html`<${ErrorMessage} error=${users.error}/>`
      : !users.data.items.length ? html`<${Empty}>Nenhum usuário encontrado.<//>` : html`
      <${TableWrap} label="Usuários">
        <table>
          <thead><tr><th scope="col">Nome</th><th scope="col">E-mail</th><th scope="col">Perfil</th><th scope="col">Status</th>
            <th scope="col">Último acesso</th><th scope="col">Ações</th></tr></thead>
          <tbody>${users.data.items.map(u => html`<tr key=${u.id}>
            <th scope="row">${u.name}</th><td>${u.email}</td><td>${u.profile?.name}</td>
            <td><${Badge} status=${u.status} label=${USER_STATUS[u.status] || u.status}/></td>
            <td>${u.lastLoginAt ? formatDateTime(u.lastLoginAt) : 'nunca'}</td>
            <td class="actions">
              <a class="button small secondary" href=${'#/administracao/usuarios/' + u.id} aria-label=${'Editar usuário ' + u.name}>Editar</a>
              ${u.status === 'ACTIVE'
                ? html`<button type="button" class="small danger" aria-label=${'Desativar usuário ' + u.name} onClick=${() => setPending({ user: u, action: 'deactivate' })}>Desativar</button>`
                : html`<button type="button" class="small secondary" aria-label=${'Reativar usuário ' + u.name} onClick=${() => setPending({ user: u, action: 'reactivate' })}>Reativar</button>`}
            </td></tr>`)}</tbody>
        </table>
      <//>
      <${Pagination} page=${users.data} onPage=${setPage} label="usuários"/>`}
    ${pending && html`<${Confirm} title=${pending.action === 'deactivate' ? 'Desativar usuário' : 'Reativar usuário'}
        message=${`Deseja ${pending.action === 'deactivate' ? 'desativar' : 'reativar'} o usuário ${pending.user.name}?`}
        onYes=${change} onNo=${() => setPending(null)}/>`}
  <//>`;
}

const BLANK = { name: '', email: '', phone: '', cpf: '', profileId: '' };

export function UserForm({ id }) {
  const profiles = useLoad(() => api.get('/profiles'), []);
  const existing = useLoad(() => id ? api.get('/users/' + encodeURIComponent(id)) : Promise.resolve(null), [id]);
  const [user, setUser] = useState(BLANK);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [fields, setFields] = useState({});
  useEffect(() => {
    const u = existing.data;
    if (u) setUser({ name: u.name, email: u.email, phone: u.phone || '', cpf: u.cpf || '', profileId: u.profile?.id || '' });
  }, [existing.data]);
  const title = id ? 'Editar usuário' : 'Criar usuário';
  if (profiles.loading || existing.loading) return html`<${Page} title=${title} back="#/administracao/usuarios"><${Loading}/><//>`;
  const loadError = profiles.error || existing.error;
  if (loadError) return html`<${Page} title=${title} back="#/administracao/usuarios"><${ErrorMessage} error=${loadError}/><//>`;
  const set = (k, v) => setUser(u => ({ ...u, [k]: v }));

  async function save() {
    setBusy(true);
    setError(null);
    setFields({});
    const body = { name: user.name, phone: user.phone || null, cpf: user.cpf || null, profileId: user.profileId || null };
    try {
      if (id) await api.put('/users/' + encodeURIComponent(id), body);
      else await api.post('/users', { ...body, email: user.email });
      toast(id ? 'Usuário salvo.' : 'Usuário criado. A senha temporária foi enviada por e-mail.');
      location.hash = '#/administracao/usuarios';
    } catch (e) {
      setConfirming(false);
      setBusy(false);
      setError(e);
      setFields(e.status === 409 && !id ? { email: e.message, ...e.fields } : e.fields);
    }
  }
  const input = (key, label, attrs = {}) => html`<${Field} id=${'user-' + key} label=${label} error=${fields[key]}>
    <input id=${'user-' + key} value=${user[key]} onInput=${e => set(key, e.target.value)} ...${attrs} ...${described('user-' + key, fields[key])}/>
  <//>`;
  const shownInFields = error && Object.keys(fields).length > 0;
  return html`<${Page} title=${title} back="#/administracao/usuarios">
    ${error && !shownInFields && html`<${ErrorMessage} error=${error}/>`}
    ${shownInFields && html`<div class="alert" role="alert">Corrija os campos destacados.</div>`}
    <form class="form" novalidate onSubmit=${e => { e.preventDefault(); setConfirming(true); }}>
      ${input('name', 'Nome', { autocomplete: 'name' })}
      ${input('email', 'E-mail', { type: 'email', autocomplete: 'email', disabled: !!id })}
      ${input('phone', 'Telefone', { type: 'tel', autocomplete: 'tel' })}
      ${input('cpf', 'CPF', { inputmode: 'numeric' })}
      <${Field} id="user-profileId" label="Perfil" error=${fields.profileId}>
        <select id="user-profileId" value=${user.profileId} onChange=${e => set('profileId', e.target.value)} ...${described('user-profileId', fields.profileId)}>
          <option value="">Selecione um perfil</option>
          ${profiles.data.map(p => html`<option key=${p.id} value=${p.id}>${p.name}</option>`)}
        </select>
      <//>
      <div class="form-actions">
        <a class="button secondary" href="#/administracao/usuarios">Cancelar</a>
        <button type="submit" class="primary">Salvar</button>
      </div>
    </form>
    ${confirming && html`<${Confirm} title="Salvar usuário" message=${`Deseja salvar o usuário ${user.name || ''}?`} busy=${busy}
        onYes=${save} onNo=${() => setConfirming(false)}/>`}
  <//>`;
}
