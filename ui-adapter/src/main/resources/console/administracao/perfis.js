// Perfis: the list, create/edit with the functionalities ticked ("Salvar" → "Sim"), the detail with its users.
import { useEffect, useState } from 'preact/hooks';
import { html, Page, Loading, Empty, ErrorMessage, useLoad, TableWrap, Field, described, Confirm } from '../ui.js';
import { api } from '../api.js';

export function Profiles() {
  const profiles = useLoad(() => api.get('/profiles'), []);
  return html`<${Page} title="Perfis" back="#/administracao" actions=${html`<a class="button primary" href="#/administracao/perfis/novo">Criar perfil</a>`}>
    ${profiles.loading ? html`<${Loading}/>` : profiles.error ? html`<${ErrorMessage} error=${profiles.error}/>`
      : !profiles.data.length ? html`<${Empty}>Nenhum perfil cadastrado.<//>` : html`
      <${TableWrap} label="Perfis de acesso">
        <table>
          <thead><tr><th scope="col">Perfil</th><th scope="col">Funcionalidades</th><th scope="col">Usuários</th><th scope="col">Ações</th></tr></thead>
          <tbody>${profiles.data.map(p => html`<tr key=${p.id}>
            <th scope="row">${p.name}${p.builtIn && html` <span class="badge muted">padrão</span>`}</th>
            <td>${p.functionalities.length}</td><td>${p.userCount}</td>
            <td class="actions">
              <a class="button small secondary" href=${'#/administracao/perfis/' + p.id} aria-label=${'Detalhe do perfil ' + p.name}>Detalhe</a>
              ${!p.builtIn && html`<a class="button small secondary" href=${'#/administracao/perfis/' + p.id + '/editar'} aria-label=${'Editar perfil ' + p.name}>Editar</a>`}
            </td></tr>`)}</tbody>
        </table>
      <//>`}
  <//>`;
}

function useFunctionalities() {
  return useLoad(() => api.get('/functionalities'), []);
}

function groupByModule(list) {
  const groups = new Map();
  for (const f of list) {
    if (!groups.has(f.module)) groups.set(f.module, []);
    groups.get(f.module).push(f);
  }
  return [...groups];
}

export function ProfileForm({ id }) {
  const functionalities = useFunctionalities();
  const existing = useLoad(() => id ? api.get('/profiles/' + encodeURIComponent(id)) : Promise.resolve(null), [id]);
  const [name, setName] = useState('');
  const [ticked, setTicked] = useState([]);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [fields, setFields] = useState({});
  useEffect(() => {
    if (existing.data) { setName(existing.data.name); setTicked(existing.data.functionalities); }
  }, [existing.data]);
  const title = id ? 'Editar perfil' : 'Criar perfil';
  if (functionalities.loading || existing.loading) return html`<${Page} title=${title} back="#/administracao/perfis"><${Loading}/><//>`;
  const loadError = functionalities.error || existing.error;
  if (loadError) return html`<${Page} title=${title} back="#/administracao/perfis"><${ErrorMessage} error=${loadError}/><//>`;
  const all = functionalities.data.map(f => f.code);
  const toggle = code => setTicked(t => t.includes(code) ? t.filter(c => c !== code) : [...t, code]);

  async function save() {
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const body = { name, functionalities: ticked };
      const saved = id ? await api.put('/profiles/' + encodeURIComponent(id), body) : await api.post('/profiles', body);
      location.hash = '#/administracao/perfis/' + (id || saved.id);
    } catch (e) {
      setConfirming(false);
      setBusy(false);
      setError(e);
      setFields(e.fields);
    }
  }
  const nameError = fields.name || (error?.status === 409 ? error.message : null);
  return html`<${Page} title=${title} back="#/administracao/perfis">
    ${error && !nameError && !fields.functionalities && html`<${ErrorMessage} error=${error}/>`}
    <form class="form" novalidate onSubmit=${e => { e.preventDefault(); setConfirming(true); }}>
      <${Field} id="profile-name" label="Nome do perfil" error=${nameError}>
        <input id="profile-name" maxlength="60" value=${name} onInput=${e => setName(e.target.value)} ...${described('profile-name', nameError)}/>
      <//>
      <fieldset class="functionalities" aria-describedby=${fields.functionalities ? 'functionalities-error' : undefined}>
        <legend>Funcionalidades que este perfil deve ter acesso</legend>
        <label class="select-all"><input type="checkbox" checked=${ticked.length === all.length}
          onChange=${e => setTicked(e.target.checked ? all : [])}/> Selecionar todas</label>
        ${groupByModule(functionalities.data).map(([module, list]) => html`<div key=${module} class="module-group">
          <p class="module-name">${module}</p>
          ${list.map(f => html`<label key=${f.code}><input type="checkbox" checked=${ticked.includes(f.code)} onChange=${() => toggle(f.code)}/> ${f.name}</label>`)}
        </div>`)}
        ${fields.functionalities && html`<small id="functionalities-error" class="field-error">${fields.functionalities}</small>`}
      </fieldset>
      <div class="form-actions">
        <a class="button secondary" href="#/administracao/perfis">Cancelar</a>
        <button type="submit" class="primary">Salvar</button>
      </div>
    </form>
    ${confirming && html`<${Confirm} title="Salvar perfil" message=${`Deseja salvar o perfil "${name}"?`} busy=${busy}
        onYes=${save} onNo=${() => setConfirming(false)}/>`}
  <//>`;
}

export function ProfileDetail({ id }) {
  const profile = useLoad(() => api.get('/profiles/' + encodeURIComponent(id)), [id]);
  const functionalities = useFunctionalities();
  if (profile.loading || functionalities.loading) return html`<${Page} title="Perfil" back="#/administracao/perfis"><${Loading}/><//>`;
  if (profile.error) return html`<${Page} title="Perfil" back="#/administracao/perfis"><${ErrorMessage} error=${profile.error}/><//>`;
  const p = profile.data;
  const names = Object.fromEntries((functionalities.data || []).map(f => [f.code, f.name]));
  return html`<${Page} title=${'Perfil ' + p.name} back="#/administracao/perfis"
      actions=${!p.builtIn && html`<a class="button primary" href=${'#/administracao/perfis/' + p.id + '/editar'}>Editar</a>`}>
    <h2>Funcionalidades</h2>
    ${p.functionalities.length ? html`<ul class="tags">${p.functionalities.map(f => html`<li key=${f}>${names[f] || f}</li>`)}</ul>`
      : html`<${Empty}>Nenhuma funcionalidade.<//>`}
    <h2>Usuários deste perfil</h2>
    ${p.users.length ? html`<ul class="plain">${p.users.map(u => html`<li key=${u.id}><a href=${'#/administracao/usuarios/' + u.id}>${u.name}</a></li>`)}</ul>`
      : html`<${Empty}>Nenhum usuário com este perfil.<//>`}
  <//>`;
}
