// The console's shell: hash routes, the signed-in frame (header, side bar, notifications) and the login guard.
import { useEffect, useState } from 'preact/hooks';
import { html, render, Toasts, Loading, ErrorMessage } from './ui.js';
import { api, session } from './api.js';
import { Login, TokenStep, ChangePassword, ForgotPassword } from './login/login.js';
import { Home, MODULES, allowed } from './home/home.js';
import { Invoices } from './faturas/faturas.js';
import { InvoiceDetail } from './faturas/detalhe.js';
import { Services } from './servicos/servicos.js';
import { ServiceDetail } from './servicos/detalhe.js';
import { Administration } from './administracao/administracao.js';
import { Profiles, ProfileForm, ProfileDetail } from './administracao/perfis.js';
import { Users, UserForm } from './administracao/usuarios.js';
import { ReminderSettings } from './administracao/lembretes.js';
import { Notifications, NotificationBell, notifications } from './notificacoes/notificacoes.js';

const PUBLIC = ['login', 'token', 'esqueci-senha'];

function currentRoute() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, search = ''] = hash.split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(search), hash: location.hash };
}

function screenFor(route, me) {
  const [a, b, c] = route.parts;
  switch (a) {
    case undefined: return html`<${Home} me=${me}/>`;
    case 'faturas': return b ? html`<${InvoiceDetail} number=${b} me=${me}/>` : html`<${Invoices} me=${me} params=${route.params}/>`;
    case 'servicos': return b ? html`<${ServiceDetail} designation=${b}/>` : html`<${Services} me=${me}/>`;
    case 'administracao':
      if (b === 'perfis') return c === 'novo' ? html`<${ProfileForm}/>`
        : c ? (route.parts[3] === 'editar' ? html`<${ProfileForm} id=${c}/>` : html`<${ProfileDetail} id=${c}/>`) : html`<${Profiles}/>`;
      if (b === 'lembretes') return html`<${ReminderSettings}/>`;
      if (b === 'usuarios') return c === 'novo' ? html`<${UserForm}/>` : c ? html`<${UserForm} id=${c}/>` : html`<${Users}/>`;
      return html`<${Administration} me=${me}/>`;
    case 'notificacoes': return html`<${Notifications}/>`;
    default: return html`<section class="page"><h1 tabindex="-1">Página não encontrada</h1><p><a href="#/">Ir para o início</a></p></section>`;
  }
}

function SideBar({ me, route, open, onNavigate }) {
  const here = route.parts[0] || '';
  const entries = [{ key: '', label: 'Home', href: '#/' }, ...MODULES.filter(m => allowed(me, m))];
  return html`<nav id="sidebar" class=${'sidebar' + (open ? ' open' : '')} aria-label="Menu principal">
    <ul>${entries.map(e => html`<li key=${e.key}>
      <a href=${e.href} aria-current=${here === e.key ? 'page' : undefined} onClick=${onNavigate}>${e.label}</a>
    </li>`)}</ul>
  </nav>`;
}

function Shell({ me, route, onLogout }) {
  const [menu, setMenu] = useState(false);
  return html`<div class="shell">
    <a class="skip" href="#conteudo" onClick=${e => { e.preventDefault(); document.getElementById('conteudo').focus(); }}>Pular para o conteúdo</a>
    <header class="topbar">
      <button type="button" class="menu-toggle" aria-expanded=${menu} aria-controls="sidebar" onClick=${() => setMenu(!menu)}>Menu</button>
      <a class="brand" href="#/">Opera360 <span>Conectividade</span></a>
      <div class="who"><span class="company">${me.companyName}</span> <span class="user">${me.name}</span></div>
      <${NotificationBell}/>
      <button type="button" class="secondary" onClick=${onLogout}>Sair</button>
    </header>
    <${SideBar} me=${me} route=${route} open=${menu} onNavigate=${() => setMenu(false)}/>
    <main id="conteudo" tabindex="-1">${screenFor(route, me)}</main>
  </div>`;
}

function App() {
  // the route is read from the address at each render: a login sets the address, then the session, in one go
  const [, setHash] = useState(location.hash);
  let route = currentRoute();
  const [me, setMe] = useState(null);
  const [error, setError] = useState(null);
  const [signedIn, setSignedIn] = useState(session.signedIn());

  useEffect(() => {
    const onHash = () => setHash(location.hash);
    addEventListener('hashchange', onHash);
    const off = session.onChange(setSignedIn);
    return () => { removeEventListener('hashchange', onHash); off(); };
  }, []);

  useEffect(() => {
    setMe(null);
    setError(null);
    if (!signedIn) { notifications.stop(); return; }
    api.get('/me').then(setMe, setError);
  }, [signedIn]);

  useEffect(() => {
    if (me && !me.mustChangePassword) notifications.start();
  }, [me]);

  // the guard rewrites the address without a hashchange (replaceState) and renders the right screen at once
  let name = route.parts[0];
  if (!signedIn && !PUBLIC.includes(name)) {
    session.rememberWanted(route.hash);
    history.replaceState(null, '', '#/login');
    name = 'login';
  } else if (signedIn && (name === 'login' || name === 'token')) {
    history.replaceState(null, '', '#/');
    route = currentRoute();
    name = undefined;
  }

  let content;
  if (name === 'login') content = html`<${Login}/>`;
  else if (name === 'token') content = html`<${TokenStep}/>`;
  else if (name === 'esqueci-senha') content = html`<${ForgotPassword}/>`;
  else if (error) content = html`<main id="conteudo" class="center"><${ErrorMessage} error=${error}/></main>`;
  else if (!me) content = html`<main id="conteudo" class="center"><${Loading}/></main>`;
  else if (me.mustChangePassword || name === 'trocar-senha') {
    content = html`<${ChangePassword} me=${me} onChanged=${() => {
      location.hash = session.takeWanted() || '#/';
      api.get('/me').then(setMe, setError);
    }}/>`;
  } else {
    content = html`<${Shell} me=${me} route=${route} onLogout=${logout}/>`;
  }
  return html`${content}<${Toasts}/>`;
}

export async function logout() {
  notifications.stop();
  try { await api.post('/auth/logout'); } catch { /* the token may be gone already */ }
  session.set(null);
  location.hash = '#/login';
}

const root = document.getElementById('app');
root.textContent = '';
render(html`<${App}/>`, root);
