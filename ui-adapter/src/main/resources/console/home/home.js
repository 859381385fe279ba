// Home "Conectividade": a card per module the user's profile grants (the same entries as the side bar).
import { html, Page } from '../ui.js';

export const MODULES = [
  { key: 'faturas', label: 'Faturas', href: '#/faturas', text: 'Lista de faturas, boletos, notas fiscais e negociações.',
    needs: ['INVOICES_VIEW', 'INVOICES_BOLETO', 'INVOICES_NOTA_FISCAL', 'INVOICES_EXPORT'] },
  { key: 'servicos', label: 'Serviços', href: '#/servicos', text: 'Serviços contratados, mapa de geolocalização e histórico.',
    needs: ['SERVICES_VIEW', 'SERVICES_MAP', 'SERVICES_EXPORT'] },
  { key: 'administracao', label: 'Administração', href: '#/administracao', text: 'Perfis de acesso, usuários e lembretes de vencimento da sua empresa.',
    needs: ['PROFILES_MANAGE', 'USERS_MANAGE'] },
];

export const allowed = (me, module) => module.needs.some(f => me.functionalities.includes(f));
export const can = (me, functionality) => me.functionalities.includes(functionality);

export function Home({ me }) {
  const modules = MODULES.filter(m => allowed(me, m));
  return html`<${Page} title="Conectividade">
    <p>Olá, ${me.name}. ${me.companyName} · perfil ${me.profile?.name}.</p>
    ${modules.length === 0 && html`<p class="empty">Seu perfil ainda não dá acesso a nenhuma funcionalidade. Fale com o Administrador da conta.</p>`}
    <ul class="cards" aria-label="Funcionalidades">
      ${modules.map(m => html`<li key=${m.key} class="card module">
        <h2><a href=${m.href}>${m.label}</a></h2>
        <p>${m.text}</p>
      </li>`)}
    </ul>
  <//>`;
}
