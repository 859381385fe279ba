// Administração: Perfis and Usuários, with "Criar perfil" and "Criar usuário", and the Lembretes de vencimento.
import { html, Page } from '../ui.js';
import { can } from '../home/home.js';

export function Administration({ me }) {
  const entries = [
    can(me, 'PROFILES_MANAGE') && { href: '#/administracao/perfis/novo', label: 'Criar perfil', text: 'Um novo perfil de acesso e suas funcionalidades.' },
    (can(me, 'PROFILES_MANAGE') || can(me, 'USERS_MANAGE')) && { href: '#/administracao/perfis', label: 'Perfis', text: 'Editar perfis e ver seus usuários.' },
    can(me, 'USERS_MANAGE') && { href: '#/administracao/usuarios/novo', label: 'Criar usuário', text: 'Um novo usuário com um perfil.' },
    can(me, 'USERS_MANAGE') && { href: '#/administracao/usuarios', label: 'Usuários', text: 'Editar, desativar e reativar usuários.' },
    can(me, 'PROFILES_MANAGE') && { href: '#/administracao/lembretes', label: 'Lembretes de vencimento',
      text: 'Quando os usuários recebem por e-mail as faturas a vencer e vencidas.' },
  ].filter(Boolean);
  return html`<${Page} title="Administração">
    <ul class="cards" aria-label="Opções de administração">
      ${entries.map(e => html`<li key=${e.href} class="card module"><h2><a href=${e.href}>${e.label}</a></h2><p>${e.text}</p></li>`)}
    </ul>
  <//>`;
}
