// pt-BR dates and money, always through Intl.
const money = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });
const number = new Intl.NumberFormat('pt-BR');
const date = new Intl.DateTimeFormat('pt-BR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
const dateTime = new Intl.DateTimeFormat('pt-BR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'America/Sao_Paulo' });
const monthName = new Intl.DateTimeFormat('pt-BR', { month: 'long', timeZone: 'UTC' });

/** R$ 2.255,69 (Intl separates "R$" with a no-break space). */
export const formatMoney = v => v === null || v === undefined ? '—' : money.format(v).replace(/\u00a0/g, ' ');
export const formatNumber = v => v === null || v === undefined ? '—' : number.format(v);
/** A contract date (yyyy-MM-dd) as 25/12/2022. */
export const formatDate = d => d ? date.format(new Date(d + 'T00:00:00Z')) : '—';
/** An instant as 25/12/2022 14:30 in São Paulo. */
export const formatDateTime = i => i ? dateTime.format(new Date(i)).replace(',', '') : '—';
export const monthNames = Array.from({ length: 12 }, (_, m) => {
  const n = monthName.format(new Date(Date.UTC(2000, m, 1)));
  return n.charAt(0).toUpperCase() + n.slice(1);
});
export const formatCep = c => c && c.length === 8 ? `${c.slice(0, 5)}-${c.slice(5)}` : c;
export const plural = (n, one, many) => `${formatNumber(n)} ${n === 1 ? one : many}`;
