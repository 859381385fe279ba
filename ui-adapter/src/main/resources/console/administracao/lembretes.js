// Lembretes de vencimento: whether the account's users get the daily e-mail, up to three days before the due date
// and the first day overdue ("Salvar" → "Sim"; the API's field errors next to the day fields).
import { useState } from 'preact/hooks';
import { html, Page, Loading, ErrorMessage, useLoad, Field, described, Confirm } from '../ui.js';
import { api } from '../api.js';

const SLOTS = 3;
const MAX_DAY = 30;
const dayId = k => `reminder-day-${k + 1}`;

/** The three fields' texts from the API's list (farthest first), blanks after. */
const slotsOf = days => Array.from({ length: SLOTS }, (_, k) => days[k] === undefined ? '' : String(days[k]));

export function ReminderSettings() {
  const settings = useLoad(() => api.get('/account/reminders'), []);
  const title = 'Lembretes de vencimento';
  return html`<${Page} title=${title} back="#/administracao">
    ${settings.loading ? html`<${Loading}/>` : settings.error ? html`<${ErrorMessage} error=${settings.error}/>`
      : html`<${ReminderForm} initial=${settings.data}/>`}
  <//>`;
}

/** The form, filled from the saved settings from its first render. */
function ReminderForm({ initial }) {
  const [enabled, setEnabled] = useState(initial.enabled);
  const [days, setDays] = useState(slotsOf(initial.daysBefore));
  const [onOverdue, setOnOverdue] = useState(initial.onOverdue);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [fields, setFields] = useState({});
  const [saved, setSaved] = useState(false);

  const show = s => { setEnabled(s.enabled); setDays(slotsOf(s.daysBefore)); setOnOverdue(s.onOverdue); };

  // the filled fields, in order: the API's daysBefore[i] is the i-th of them
  const filled = days.map((v, k) => [v.trim(), k]).filter(([v]) => v !== '');
  const setDay = (k, value) => setDays(list => list.map((v, j) => j === k ? value : v));

  async function save() {
    setBusy(true);
    setError(null);
    setFields({});
    setSaved(false);
    try {
      const answer = await api.put('/account/reminders', { enabled, daysBefore: filled.map(([v]) => Number(v)), onOverdue });
      show(answer);
      setSaved(true);
    } catch (e) {
      setError(e);
      setFields(e.fields);
    }
    setConfirming(false);
    setBusy(false);
  }

  // an error on one day (daysBefore[i]) goes to its field; one on the whole list (out of range, repeated, too many) to
  // the group, marking the fields that break the rule (all filled ones when none does on its own)
  const dayErrors = {};
  filled.forEach(([, k], i) => { if (fields[`daysBefore[${i}]`]) dayErrors[k] = fields[`daysBefore[${i}]`]; });
  const listError = fields.daysBefore;
  const wrong = new Set();
  if (listError) {
    const values = filled.map(([v]) => v);
    filled.forEach(([v, k]) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > MAX_DAY || values.indexOf(v) !== values.lastIndexOf(v)) wrong.add(k);
    });
    if (!wrong.size) filled.forEach(([, k]) => wrong.add(k));
  }
  const known = ['enabled', 'onOverdue', 'daysBefore'];
  const otherError = error && !Object.keys(fields).some(f => known.includes(f) || f.startsWith('daysBefore['));

  return html`
    <p>Os usuários cujo perfil tem Visualizar faturas recebem um e-mail por dia com as faturas a vencer e as vencidas.</p>
    ${otherError && html`<${ErrorMessage} error=${error}/>`}
    <form class="form" novalidate onSubmit=${e => { e.preventDefault(); setSaved(false); setConfirming(true); }}>
      <label class="check"><input type="checkbox" checked=${enabled} onChange=${e => setEnabled(e.target.checked)}
        ...${described('reminder-enabled', fields.enabled)}/> Enviar lembretes</label>
      ${fields.enabled && html`<small id="reminder-enabled-error" class="field-error">${fields.enabled}</small>`}
      <fieldset aria-describedby=${['reminder-days-hint', listError && 'reminder-days-error'].filter(Boolean).join(' ')}>
        <legend>Dias antes do vencimento</legend>
        <p id="reminder-days-hint" class="hint">Até três dias diferentes, de 1 a ${MAX_DAY}. Deixe em branco os que não quiser usar.</p>
        <div class="days">
          ${days.map((v, k) => {
            const id = dayId(k);
            const own = dayErrors[k];
            const a = described(id, own || wrong.has(k));
            if (wrong.has(k) && !own) a['aria-describedby'] = 'reminder-days-error';
            return html`<${Field} key=${id} id=${id} label=${`${k + 1}º lembrete (dias antes)`} error=${own}>
              <input id=${id} type="number" inputmode="numeric" min="1" max=${MAX_DAY} step="1" value=${v}
                     onInput=${e => setDay(k, e.target.value)} ...${a}/>
            <//>`;
          })}
        </div>
        ${listError && html`<small id="reminder-days-error" class="field-error">${listError}</small>`}
      </fieldset>
      <label class="check"><input type="checkbox" checked=${onOverdue} onChange=${e => setOnOverdue(e.target.checked)}
        ...${described('reminder-overdue', fields.onOverdue)}/> No primeiro dia de atraso</label>
      ${fields.onOverdue && html`<small id="reminder-overdue-error" class="field-error">${fields.onOverdue}</small>`}
      <div class="form-actions">
        <a class="button secondary" href="#/administracao">Cancelar</a>
        <button type="submit" class="primary">Salvar</button>
      </div>
      <p class="success" role="status">${saved ? 'Lembretes de vencimento salvos.' : ''}</p>
    </form>
    ${confirming && html`<${Confirm} title="Salvar lembretes" message="Deseja salvar os lembretes de vencimento?" busy=${busy}
        onYes=${save} onNo=${() => setConfirming(false)}/>`}`;
}
