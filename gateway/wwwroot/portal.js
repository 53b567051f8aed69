// The portal signs in with the authorization-code flow and PKCE (public client "portal"); tokens stay in sessionStorage.
const api = (path, token) => fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} })
  .then(r => r.ok ? r.json() : Promise.reject(new Error(`${r.status} ${path}`)));
const vnd = n => new Intl.NumberFormat('vi-VN').format(n) + ' ₫';
const el = (tag, props = {}, ...children) => { const e = Object.assign(document.createElement(tag), props); e.append(...children); return e; };

function card(p) {
  const price = p.priceTiers.map(t => `từ ${t.minQuantity} ${p.unit}: ${vnd(t.unitPriceVnd)}`).join(' · ');
  const place = p.site ? [p.site.craftVillage, p.site.district, p.site.province].filter(Boolean).join(', ') : '';
  const badges = p.certifications.map(b => el('span', { className: 'badge' + (b.valid ? '' : ' invalid'),
    title: b.valid ? `hiệu lực đến ${b.validUntil ?? '—'}` : (b.reason ?? '') }, `${b.schemeCode}${b.level ? ' ' + b.level : ''}`));
  return el('li', {}, el('h3', {}, p.nameVi), el('div', { className: 'meta' }, `${p.supplierName ?? ''} — ${place}`),
    el('div', { className: 'meta' }, price), el('div', { className: 'meta' }, `Bao bì: ${p.packaging} · ${p.status}`), ...badges);
}

async function loadProducts() {
  const category = document.getElementById('category').value;
  const page = await api(`/api/catalogue/products?pageSize=50${category ? '&category=' + category : ''}`);
  document.getElementById('products').replaceChildren(...page.items.map(card));
  document.getElementById('status').textContent = `${page.total} sản phẩm`;
}

const b64url = bytes => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
async function signIn() {
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = b64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem('pkce', JSON.stringify({ verifier, state }));
  const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const query = new URLSearchParams({ client_id: 'portal', response_type: 'code', scope: 'openid profile offline_access api',
    redirect_uri: location.origin + '/signin-callback', code_challenge: challenge, code_challenge_method: 'S256', state });
  location.assign('/connect/authorize?' + query);
}

async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  const saved = JSON.parse(sessionStorage.getItem('pkce') ?? '{}');
  if (!params.get('code') || params.get('state') !== saved.state) return;
  const response = await fetch('/connect/token', { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code',
    client_id: 'portal', code: params.get('code'), redirect_uri: location.origin + '/signin-callback', code_verifier: saved.verifier }) });
  if (response.ok) sessionStorage.setItem('token', (await response.json()).access_token);
  sessionStorage.removeItem('pkce');
  history.replaceState(null, '', '/');
}

async function showUser() {
  const token = sessionStorage.getItem('token');
  if (!token) return;
  const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  document.getElementById('who').textContent = `${claims.name ?? claims.sub} (${claims.org_kind}, ${claims.role})`;
  document.getElementById('signin').hidden = true;
  document.getElementById('signout').hidden = false;
  if (claims.org_kind === 'supplier') {
    const mine = await api('/api/catalogue/products/mine', token);
    document.getElementById('my-products').replaceChildren(...mine.map(card));
    document.getElementById('mine').hidden = false;
  }
  await Promise.all([showMatching(claims, token), showAgreements(claims, token)]);
}

document.getElementById('signin').onclick = signIn;
document.getElementById('signout').onclick = () => { sessionStorage.clear(); location.assign('/'); };
document.getElementById('category').onchange = loadProducts;
(async () => {
  if (location.pathname === '/signin-callback') await completeSignIn();
  const categories = await api('/api/catalogue/categories');
  document.getElementById('category').append(...categories.map(c => el('option', { value: c.slug }, c.nameVi)));
  await Promise.all([loadProducts(), showUser()]);
})().catch(e => { document.getElementById('status').textContent = 'Lỗi: ' + e.message; });
