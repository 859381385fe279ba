// "Pagar com Pix": the QR code (the API's SVG fetched with the bearer header and shown through an object URL), the
// amount and the Pix Copia e Cola with "Copiar código", for an open invoice or an unpaid installment of a negotiation.
// A refusal of the API (paid, negotiated, Pix not configured: 409) shows its problem detail in the dialog.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html, Dialog, Loading, ErrorMessage } from '../ui.js';
import { api, objectUrl } from '../api.js';
import { formatMoney } from '../format.js';

/** path: the API's Pix resource (`/invoices/{number}/pix` or `/negotiations/{id}/installments/{n}/pix`); what: what is paid. */
export function PixDialog({ path, what, onClose }) {
  const [pix, setPix] = useState(null);
  const [error, setError] = useState(null);
  const [qr, setQr] = useState(null);
  const [qrError, setQrError] = useState(null);
  const [copied, setCopied] = useState(null);
  const code = useRef();

  useEffect(() => {
    let live = true;
    let url;
    (async () => {
      let answer;
      try {
        answer = await api.get(path);
      } catch (e) {
        if (live) setError(e);
        return;
      }
      if (!live) return;
      setPix(answer);
      try {
        url = await objectUrl(path, { accept: 'image/svg+xml' });
        if (live) setQr(url); else URL.revokeObjectURL(url);
      } catch (e) {
        if (live) setQrError(e);
      }
    })();
    return () => { live = false; if (url) URL.revokeObjectURL(url); };
  }, [path]);

  async function copy() {
    setCopied(null);
    try {
      await navigator.clipboard.writeText(pix.brCode);
      setCopied(true);
    } catch {
      // no Clipboard API (or refused): the selected text and the older copy command
      code.current?.select();
      let done = false;
      try { done = document.execCommand('copy'); } catch { /* not supported */ }
      setCopied(done);
    }
  }

  return html`<${Dialog} title="Pagar com Pix" onClose=${onClose}
      actions=${html`<button type="button" class="secondary" onClick=${onClose}>Fechar</button>`}>
    <p class="dialog-lead">${what}</p>
    ${error ? html`<${ErrorMessage} error=${error}/>` : !pix ? html`<${Loading} label="Gerando o Pix…"/>` : html`
      <div class="pix">
        ${qr ? html`<img class="pix-qr" src=${qr} width="200" height="200"
                         alt=${`QR code do Pix: ${what}, ${formatMoney(pix.amount)}`}/>`
          : qrError ? html`<p class="alert">Não foi possível mostrar o QR code (${qrError.message}). Use o código Pix Copia e Cola.</p>`
          : html`<${Loading} label="Carregando o QR code…"/>`}
        <dl class="pix-facts">
          <div><dt>Valor</dt><dd>${formatMoney(pix.amount)}</dd></div>
          <div><dt>Recebedor</dt><dd>${pix.merchantName} – ${pix.merchantCity}</dd></div>
        </dl>
        <div class="field pix-code">
          <label for="pix-code">Pix Copia e Cola</label>
          <textarea id="pix-code" ref=${code} readonly rows="4" value=${pix.brCode} aria-describedby="pix-code-hint"
                    onFocus=${e => e.target.select()}></textarea>
          <small id="pix-code-hint" class="hint">Cole no app do seu banco, em Pix Copia e Cola, ou leia o QR code.</small>
        </div>
        <div class="pix-copy">
          <button type="button" class="primary" onClick=${copy}>Copiar código</button>
          <p class="copied" role="status">${copied === true ? 'Código copiado'
            : copied === false ? 'Não foi possível copiar: selecione o código e use Ctrl+C.' : ''}</p>
        </div>
      </div>`}
  <//>`;
}
