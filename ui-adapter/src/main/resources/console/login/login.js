// Login: usuário e senha, the e-mailed token, the forced password change, "Esqueci minha senha".
import { useState } from 'preact/hooks';
import { html, Field, described } from '../ui.js';
import { api, session } from '../api.js';

const CHALLENGE_KEY = 'opera360.challenge';
// the password just typed, kept in memory only, so a first access need not type the temporary password twice
let typedPassword = null;

function Card({ title, children }) {
  return html`<main id="conteudo" class="auth">
    <div class="auth-card">
      <p class="brand-big">Opera360 <span>Conectividade</span></p>
      <h1 tabindex="-1">${title}</h1>
      ${children}
    </div>
  </main>`;
}

const Alert = ({ error }) => error ? html`<div class="alert" role="alert">${error.message}</div>` : null;

export function Login() {
  const [email, setEmail] = useState(sessionStorage.getItem('opera360.email') || '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  async function submit(e) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const challenge = await api.post('/auth/login', { email: email.trim(), password });
      sessionStorage.setItem(CHALLENGE_KEY, challenge.challengeId);
      sessionStorage.setItem('opera360.email', email.trim());
      typedPassword = password;
      location.hash = '#/token';
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }
  return html`<${Card} title="Acesse o portal">
    <p>Informe usuário e senha válidos. Enviaremos um token para o seu e-mail.</p>
    <${Alert} error=${error}/>
    <form onSubmit=${submit} novalidate>
      <${Field} id="email" label="Usuário (e-mail)">
        <input id="email" type="email" autocomplete="username" required value=${email} onInput=${e => setEmail(e.target.value)}/>
      <//>
      <${Field} id="password" label="Senha">
        <input id="password" type="password" autocomplete="current-password" required value=${password} onInput=${e => setPassword(e.target.value)}/>
      <//>
      <button class="primary wide" type="submit" disabled=${busy}>Entrar</button>
    </form>
    <p class="links"><a href="#/esqueci-senha">Esqueci minha senha</a></p>
  <//>`;
}

export function TokenStep() {
  const [token, setToken] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const challengeId = sessionStorage.getItem(CHALLENGE_KEY);
  async function submit(e) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // the API ignores spaces pasted around the token
      const answer = await api.post('/auth/token', { challengeId, token });
      sessionStorage.removeItem(CHALLENGE_KEY);
      location.hash = answer.mustChangePassword ? '#/trocar-senha' : (session.takeWanted() || '#/');
      session.set(answer.accessToken);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }
  if (!challengeId) { location.replace('#/login'); return null; }
  return html`<${Card} title="Token de acesso">
    <p>Enviamos um token de 6 dígitos para o seu e-mail. Ele vale por 10 minutos e pode ser usado uma vez.</p>
    <${Alert} error=${error}/>
    <form onSubmit=${submit} novalidate>
      <${Field} id="token" label="Token" hint="Ao copiar e colar, confira se o token veio inteiro.">
        <input id="token" inputmode="numeric" autocomplete="one-time-code" required value=${token}
               onInput=${e => setToken(e.target.value)} ...${described('token', null, true)}/>
      <//>
      <button class="primary wide" type="submit" disabled=${busy}>Confirmar</button>
    </form>
    <p class="links"><a href="#/login">Voltar ao login</a></p>
  <//>`;
}

const RULES = [
  ['Mínimo de 8 caracteres', p => p.length >= 8],
  ['Uma letra minúscula', p => /\p{Ll}/u.test(p)],
  ['Uma letra maiúscula', p => /\p{Lu}/u.test(p)],
  ['Um número', p => /\d/.test(p)],
  ['Um caractere especial', p => /[^\p{L}\d\s]/u.test(p)],
];

export function ChangePassword({ me, onChanged }) {
  const remembered = typedPassword;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState(null);
  const [fields, setFields] = useState({});
  const [busy, setBusy] = useState(false);
  async function submit(e) {
    e.preventDefault();
    setError(null);
    setFields({});
    if (next !== repeat) { setFields({ repeat: 'As senhas não conferem.' }); return; }
    setBusy(true);
    try {
      await api.post('/auth/password', { currentPassword: remembered ?? current, newPassword: next });
      typedPassword = null;
      onChanged();
    } catch (err) {
      setError(err);
      setFields(err.fields);
      setBusy(false);
    }
  }
  return html`<${Card} title=${me.mustChangePassword ? 'Primeiro acesso: crie sua senha' : 'Trocar senha'}>
    <p>${me.mustChangePassword ? 'Sua senha é temporária. Escolha uma nova senha para continuar.' : ''}</p>
    <${Alert} error=${error}/>
    <form onSubmit=${submit} novalidate>
      ${remembered === null && html`<${Field} id="current" label="Senha atual" error=${fields.currentPassword}>
        <input id="current" type="password" autocomplete="current-password" value=${current} onInput=${e => setCurrent(e.target.value)}
               ...${described('current', fields.currentPassword)}/>
      <//>`}
      <${Field} id="new-password" label="Nova senha" error=${fields.newPassword} hint="Política de senha abaixo.">
        <input id="new-password" type="password" autocomplete="new-password" value=${next} onInput=${e => setNext(e.target.value)}
               ...${described('new-password', fields.newPassword, true)}/>
      <//>
      <ul class="policy" aria-label="Política de senha">
        ${RULES.map(([label, ok]) => html`<li key=${label} class=${ok(next) ? 'ok' : ''}>
          <span aria-hidden="true">${ok(next) ? '✓' : '•'}</span> ${label}<span class="sr-only">${ok(next) ? ' (atendido)' : ' (pendente)'}</span></li>`)}
      </ul>
      <${Field} id="repeat" label="Confirme a nova senha" error=${fields.repeat}>
        <input id="repeat" type="password" autocomplete="new-password" value=${repeat} onInput=${e => setRepeat(e.target.value)}
               ...${described('repeat', fields.repeat)}/>
      <//>
      <button class="primary wide" type="submit" disabled=${busy}>Salvar nova senha</button>
    </form>
  <//>`;
}

export function ForgotPassword() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState(null);
  async function submit(e) {
    e.preventDefault();
    setError(null);
    try {
      await api.post('/auth/forgot-password', { email: email.trim() });
      setSent(true);
    } catch (err) {
      setError(err);
    }
  }
  return html`<${Card} title="Esqueci minha senha">
    ${sent
      ? html`<p role="status">Pedido registrado. Se o e-mail estiver cadastrado, uma senha temporária foi enviada ao
          Administrador da conta (ao próprio usuário, quando ele é o Administrador).</p>`
      : html`<p>A nova senha temporária é enviada ao Administrador da conta.</p>
        <${Alert} error=${error}/>
        <form onSubmit=${submit} novalidate>
          <${Field} id="forgot-email" label="Usuário (e-mail)">
            <input id="forgot-email" type="email" autocomplete="username" required value=${email} onInput=${e => setEmail(e.target.value)}/>
          <//>
          <button class="primary wide" type="submit">Enviar senha temporária</button>
        </form>`}
    <p class="links"><a href="#/login">Voltar ao login</a></p>
  <//>`;
}
