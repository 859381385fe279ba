// Mapa Geolocalização: Brazil's states from the file shipped with the product (no tile server), a circle per CEP
// sized by its count, and the services at an address on click (or from the list of addresses, by keyboard).
import { useEffect, useRef, useState } from 'preact/hooks';
import * as L from 'leaflet';
import { html, Loading, ErrorMessage, Badge, SERVICE_STATUS, TableWrap } from '../ui.js';
import { api } from '../api.js';
import { formatCep, formatNumber } from '../format.js';
import { speed, addressLine } from './servicos.js';

const BRAZIL = [[-34, -74], [5.4, -34.7]];
const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

export function ServiceMap() {
  const element = useRef();
  const [circles, setCircles] = useState(null);
  const [error, setError] = useState(null);
  const [cep, setCep] = useState(null);

  useEffect(() => {
    const map = L.map(element.current, { zoomSnap: 0.5, minZoom: 3, maxZoom: 16, attributionControl: true, keyboard: true });
    map.attributionControl.setPrefix('Leaflet');
    map.attributionControl.addAttribution('Estados: Natural Earth (domínio público)');
    map.fitBounds(BRAZIL);
    const layer = L.layerGroup().addTo(map);
    import('./brasil-uf.js').then(({ default: geo }) => {
      L.geoJSON(geo, { interactive: false, style: { color: '#5b6b7f', weight: 1, fillColor: '#e9eef5', fillOpacity: 1 } }).addTo(map).bringToBack();
    }, () => setError({ message: 'Não foi possível carregar o mapa dos estados.' }));
    let seq = 0;
    async function load() {
      const b = map.getBounds();
      const bbox = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
        .map(v => v.toFixed(4)).join(',');
      const mine = ++seq;
      try {
        const list = await api.get('/services/map?bbox=' + bbox);
        if (mine !== seq) return;
        layer.clearLayers();
        for (const c of list) {
          L.circleMarker([c.lat, c.lon], { radius: 5 + 3 * Math.sqrt(c.count), color: '#0b5cad', weight: 1, fillColor: '#1f7ae0', fillOpacity: 0.55,
            className: 'cep-circle' })
            .bindTooltip(`CEP ${formatCep(c.cep)}: ${c.count} ${c.count === 1 ? 'serviço' : 'serviços'}`)
            .on('click', () => setCep(c.cep))
            .addTo(layer);
        }
        setCircles(list);
        setError(null);
      } catch (e) {
        if (mine === seq) setError(e);
      }
    }
    map.on('moveend', load);
    load();
    return () => map.remove();
  }, []);

  return html`<section class="map-section" aria-labelledby="map-title">
    <h2 id="map-title">Mapa Geolocalização</h2>
    <p class="hint">Círculos azuis mostram onde estão os serviços instalados, por CEP. Clique em um círculo para ver o endereço e os serviços.</p>
    <${ErrorMessage} error=${error}/>
    <div class="map" ref=${element} role="region" aria-label="Mapa dos serviços por CEP"></div>
    ${circles === null ? html`<${Loading} label="Carregando o mapa…"/>` : html`<details class="cep-list">
      <summary>Endereços no mapa (${circles.length})</summary>
      <ul>${[...circles].sort((a, b) => b.count - a.count).map(c => html`<li key=${c.cep}>
        <button type="button" class="link" onClick=${() => setCep(c.cep)}>CEP ${formatCep(c.cep)} (${formatNumber(c.count)})</button></li>`)}</ul>
    </details>`}
    ${cep && html`<${AddressPanel} cep=${cep} onClose=${() => setCep(null)}/>`}
  </section>`;
}

function AddressPanel({ cep, onClose }) {
  const [state, setState] = useState({ loading: true });
  const heading = useRef();
  useEffect(() => {
    setState({ loading: true });
    api.get('/services/map/' + encodeURIComponent(cep)).then(data => setState({ data }), error => setState({ error }));
  }, [cep]);
  useEffect(() => { if (state.data) heading.current?.focus(); }, [state.data]);
  return html`<div class="panel address-panel">
    <div class="panel-head">
      <h3 id="address-title" tabindex="-1" ref=${heading}>Serviços no CEP ${formatCep(cep)}</h3>
      <button type="button" class="secondary small" onClick=${onClose} aria-label="Fechar a aba do endereço">▾ Fechar</button>
    </div>
    ${state.loading ? html`<${Loading}/>` : state.error ? html`<${ErrorMessage} error=${state.error}/>` : html`
      <p class="address">${addressLine(state.data.address)}</p>
      <${TableWrap} label=${'Serviços no CEP ' + formatCep(cep)}>
        <table>
          <thead><tr><th scope="col">Designação</th><th scope="col">Tipo de serviço</th><th scope="col">Velocidade</th><th scope="col">Status</th></tr></thead>
          <tbody>${state.data.services.map(s => html`<tr key=${s.designation}>
            <th scope="row"><a href=${'#/servicos/' + encodeURIComponent(s.designation)}>${s.designation}</a></th>
            <td>${s.serviceType}</td><td>${speed(s.speedMbps)}</td><td><${Badge} status=${s.status} label=${SERVICE_STATUS[s.status] || s.status}/></td>
          </tr>`)}</tbody>
        </table>
      <//>`}
  </div>`;
}
