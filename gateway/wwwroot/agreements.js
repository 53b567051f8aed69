// Cooperation agreements (view, amend, sign, verify, audit) and the organisation's signing certificates.
// Uses portal.js's helpers (api, el, vnd) and matching.js's send when called, after all scripts have loaded.
const contracts = '/api/contracts';
const agreementStatusVi = { draft: 'bản nháp', drafted: 'bản nháp', 'awaiting-signatures': 'chờ ký', 'partially-signed': 'đã ký một phần',
  active: 'có hiệu lực', terminated: 'đã chấm dứt', expired: 'hết hạn' };
const sideVi = { buyer: 'Bên mua', supplier: 'Bên bán' };
const frequencyVi = { weekly: 'hằng tuần', fortnightly: 'hai tuần một lần', monthly: 'hằng tháng' };
const methodVi = { 'bank-transfer': 'chuyển khoản', cash: 'tiền mặt', remote: 'ký từ xa', uploaded: 'tải chữ ký lên' };
const actionVi = { drafted: 'soạn thảo', viewed: 'xem', amended: 'sửa đổi', 'sent-for-signature': 'gửi ký', signed: 'ký',
  activated: 'có hiệu lực', terminated: 'chấm dứt', expired: 'hết hạn', 'signature-refused': 'từ chối chữ ký' };

let me = {};
let commitmentNames = {}; // the needs service's reference list, code -> Vietnamese name
const hasRole = (...roles) => roles.includes(me.role);
// Date-only values ("2026-12-01") are calendar days, not instants: format them without going through a time zone.
const day = d => !d ? '—' : /^\d{4}-\d{2}-\d{2}$/.test(d) ? d.split('-').reverse().join('/') : new Date(d).toLocaleDateString('vi-VN');
const when = d => d ? new Date(d).toLocaleString('vi-VN') : '—';
const short = hex => hex ? `${hex.slice(0, 16)}…` : '—';
const button = (label, action) => el('button', { textContent: label, type: 'button',
  onclick: async () => { try { await action(); } catch (e) { alert(e.message); } } });
const signingOpen = a => ['awaiting-signatures', 'partially-signed'].includes(a.status) && a.signingDeadline;
const agreementButton = (id, token) => button('Xem hợp đồng', () => showAgreement(id, token));

// A plain link would not carry the bearer token, so documents are fetched as blobs and opened through an object URL.
async function openBlob(path, token, download) {
  const r = await fetch(path, { headers: { Authorization: `Bearer ${token}` } });
  if (!r.ok) throw new Error((await r.json().catch(() => ({}))).detail ?? `${r.status} ${path}`);
  const url = URL.createObjectURL(await r.blob());
  el('a', download ? { href: url, download } : { href: url, target: '_blank' }).click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// The service takes the DER signature as base64; a PEM-armoured .p7s already is base64 between its armour lines.
async function signatureBase64(file) {
  const text = await file.text();
  if (text.startsWith('-----BEGIN')) return text.replace(/-----[^-]+-----|\s/g, '');
  return new Promise((resolve, reject) => { const r = new FileReader();
    r.onload = () => resolve(r.result.split(',')[1]); r.onerror = () => reject(r.error); r.readAsDataURL(file); });
}

function agreementCard(a, token) {
  const other = a.buyer.organisationId === me.org_id ? a.supplier.legalName : a.supplier.organisationId === me.org_id ? a.buyer.legalName
    : `${a.buyer.legalName} — ${a.supplier.legalName}`;
  return el('li', {}, el('h3', {}, a.number), el('div', { className: 'meta' }, other),
    el('div', { className: 'meta' }, `${agreementStatusVi[a.status] ?? a.status}${signingOpen(a) ? ' · hạn ký ' + when(a.signingDeadline) : ''}`),
    button('Xem', () => showAgreement(a.id, token)));
}

async function loadAgreements(token) {
  const page = await api(`${contracts}/agreements?pageSize=50`, token);
  document.getElementById('agreement-list').replaceChildren(...page.items.map(a => agreementCard(a, token)),
    ...(page.items.length ? [] : [el('li', { className: 'meta' }, 'Chưa có hợp đồng.')]));
}

function termsView(t) {
  const party = (side, p) => el('p', {}, el('strong', {}, `${sideVi[side]}: ${p.legalName}`), el('br'), `MST ${p.taxCode} · ${p.address}`, el('br'),
    `Đại diện: ${p.representative}${p.representativeTitle ? ', ' + p.representativeTitle : ''}`);
  const s = t.sustainability;
  const commitments = [s.ecoFriendlyPackaging && 'Bao bì thân thiện với môi trường',
    s.keepCertificatesValid && `Duy trì hiệu lực các chứng nhận; báo bên mua trong ${s.certificateLapseNoticeDays} ngày khi một chứng nhận hết hiệu lực`,
    s.packagingTakeBack && 'Thu hồi bao bì', s.traceabilityCodesOnDeliveries && 'Mã truy xuất nguồn gốc trên mỗi lần giao',
    ...s.buyerCommitments.map(c => `Bên mua: ${commitmentNames[c] ?? c}`)].filter(Boolean);
  return [party('buyer', t.buyer), party('supplier', t.supplier),
    el('h4', {}, 'Sản phẩm'), el('ul', {}, ...t.products.map(p => el('li', {},
      `${p.nameVi}: ${p.monthlyVolume.toLocaleString('vi-VN')} ${p.unit}/tháng × ${vnd(p.unitPriceVnd)}/${p.unit} · ${p.packaging}`,
      ...p.certifications.map(c => el('span', { className: 'badge' }, `${c.schemeCode} ${c.number}`))))),
    el('h4', {}, 'Giao hàng và thanh toán'),
    el('p', {}, `Giao tại ${t.delivery.place}, ${frequencyVi[t.delivery.frequency] ?? t.delivery.frequency}, đặt trước ${t.delivery.leadTimeDays} ngày. `
      + `Thanh toán trong ${t.payment.dueDays} ngày sau mỗi lần giao, ${methodVi[t.payment.method] ?? t.payment.method}, `
      + `giá ${t.payment.pricesIncludeVat ? 'đã' : 'chưa'} gồm VAT.`),
    el('h4', {}, 'Cam kết bền vững'), el('ul', {}, ...commitments.map(c => el('li', {}, c))),
    el('h4', {}, 'Thời hạn'),
    el('p', {}, `Hiệu lực từ ${day(t.effectiveFrom)} đến ${day(t.effectiveUntil)}; báo trước ${t.terminationNoticeDays} ngày khi chấm dứt.`)];
}

async function showAgreement(id, token) {
  const a = await api(`${contracts}/agreements/${id}`, token);
  const base = `${contracts}/agreements/${id}`, { version, documentSha256, terms } = a.currentVersion;
  const documentPath = v => `${base}/versions/${v}/document`;
  const output = el('div');
  const reload = () => Promise.all([showAgreement(id, token), loadAgreements(token)]);
  const party = a.yourSide === 'buyer' || a.yourSide === 'supplier';
  const open = ['draft', 'awaiting-signatures', 'partially-signed'].includes(a.status);
  const signing = signingOpen(a) && !a.signatures.some(s => s.side === a.yourSide);
  const can = { amend: party && open && hasRole('owner', 'admin', 'signer'), send: party && a.status === 'draft' && hasRole('owner', 'admin', 'signer'),
    sign: party && signing && hasRole('owner', 'signer'), terminate: party && a.status === 'active' && hasRole('owner', 'admin', 'signer') };
  const facts = [`phiên bản hiện hành v${version}`, signingOpen(a) && `hạn ký ${when(a.signingDeadline)}`, a.activatedAt && `có hiệu lực từ ${when(a.activatedAt)}`,
    a.termination && `chấm dứt từ ${day(a.termination.effectiveOn)}: ${a.termination.reason}`, a.expiredAt && `hết hạn ${when(a.expiredAt)}`].filter(Boolean);
  const actions = [button('Xem PDF', () => openBlob(documentPath(version), token)),
    can.amend && button('Đề xuất sửa đổi', () => output.replaceChildren(amendForm(a, token, reload))),
    can.send && button('Gửi ký', async () => { await send('POST', `${base}/send-for-signature`, token, { version }); await reload(); }),
    can.sign && button('Ký số', () => output.replaceChildren(signForm(a, token, reload))),
    can.sign && uploadButton(a, token, reload),
    button('Kiểm tra chữ ký', () => showVerification(base, token, output)),
    button('Tải hồ sơ bằng chứng', () => openBlob(`${base}/evidence`, token, `${a.number}-ho-so-bang-chung.zip`)),
    button('Nhật ký', () => showAudit(a, token, output)),
    can.terminate && button('Chấm dứt', async () => {
      const reason = prompt(`Lý do chấm dứt (có hiệu lực sau ${terms.terminationNoticeDays} ngày báo trước)`);
      if (!reason) return;
      await send('POST', `${base}/terminate`, token, { reason });
      await reload();
    })].filter(Boolean);
  document.getElementById('agreement-view').replaceChildren(el('article', { className: 'agreement' },
    el('h3', {}, `Hợp đồng ${a.number} — ${agreementStatusVi[a.status] ?? a.status}`), el('div', { className: 'meta' }, facts.join(' · ')),
    ...termsView(terms),
    el('h4', {}, 'Các phiên bản'), el('ul', { className: 'reasons' }, ...a.versions.map(v => el('li', {},
      `v${v.version} · ${when(v.createdAt)} · SHA-256 ${short(v.documentSha256)} `, button('PDF', () => openBlob(documentPath(v.version), token))))),
    el('h4', {}, `Chữ ký trên phiên bản v${version}`, el('span', { className: 'meta', title: documentSha256 }, ` · SHA-256 ${short(documentSha256)}`)),
    a.signatures.length ? el('ul', { className: 'reasons' }, ...a.signatures.map(s => el('li', {}, `✓ ${sideVi[s.side] ?? s.side}: ${s.signerName ?? ''} · `
      + `${methodVi[s.method] ?? s.method} · ${s.certificateSubject} · ${short(s.certificateFingerprint)} · ${when(s.signedAt)}`)))
      : el('p', { className: 'meta' }, 'Chưa có chữ ký trên phiên bản này.'),
    el('div', { className: 'actions' }, ...actions), output));
  document.getElementById('agreements').hidden = false;
  document.getElementById('agreement-view').scrollIntoView({ behavior: 'smooth' });
}

function amendForm(a, token, reload) {
  const t = a.currentVersion.terms;
  const num = value => el('input', { type: 'number', min: 0, step: 1, value, required: true });
  const date = value => el('input', { type: 'date', value, required: true });
  const field = (label, input) => el('label', {}, `${label} `, input);
  const products = t.products.map(p => ({ p, price: num(p.unitPriceVnd), volume: num(p.monthlyVolume) }));
  const frequency = el('select', {}, ...Object.entries(frequencyVi).map(([value, label]) => el('option', { value }, label)));
  frequency.value = t.delivery.frequency;
  const leadTime = num(t.delivery.leadTimeDays), dueDays = num(t.payment.dueDays), notice = num(t.terminationNoticeDays);
  const from = date(t.effectiveFrom), until = date(t.effectiveUntil);
  const form = el('form', {}, el('h4', {}, `Đề xuất sửa đổi phiên bản v${a.currentVersion.version}`),
    ...products.map(({ p, price, volume }) => el('div', {}, `${p.nameVi}: `, field(`đơn giá (₫/${p.unit})`, price), ' ', field(`${p.unit}/tháng`, volume))),
    el('div', {}, field('Giao hàng', frequency), ' ', field('đặt trước (ngày)', leadTime), ' ', field('Thanh toán trong (ngày)', dueDays)),
    el('div', {}, field('Hiệu lực từ', from), ' ', field('đến', until), ' ', field('Báo trước khi chấm dứt (ngày)', notice)),
    el('button', { textContent: 'Gửi đề xuất' }));
  const { buyerCommitments: _, ...sustainability } = t.sustainability;
  form.onsubmit = async e => {
    e.preventDefault();
    const terms = { products: products.map(({ p, price, volume }) =>
        ({ productId: p.productId, unitPriceVnd: Number(price.value), monthlyVolume: Number(volume.value) })),
      delivery: { ...t.delivery, frequency: frequency.value, leadTimeDays: Number(leadTime.value) }, payment: { ...t.payment, dueDays: Number(dueDays.value) },
      sustainability, effectiveFrom: from.value, effectiveUntil: until.value, terminationNoticeDays: Number(notice.value) };
    try {
      await send('POST', `${contracts}/agreements/${a.id}/versions`, token, { basedOnVersion: a.currentVersion.version, terms });
      await reload();
    } catch (err) { alert(err.message); }
  };
  return form;
}

// Remote signing: the identity service checks the re-entered password and issues a five-minute activation token bound to
// this exact document hash and version; the contracts service signs with the organisation's key only against that token.
// An organisation without a usable platform certificate gets one issued as part of its first signature, and is told so.
function signForm(a, token, reload) {
  const { version, documentSha256 } = a.currentVersion;
  const password = el('input', { type: 'password', autocomplete: 'current-password', required: true });
  const message = el('p', { className: 'miss' });
  const issueNote = el('p', { className: 'meta', hidden: true },
    'Tổ chức của bạn chưa có chứng thư số: nền tảng sẽ cấp một chứng thư ký số cho tổ chức trước khi ký.');
  usablePlatformCertificate(token).then(ok => { issueNote.hidden = ok; }).catch(() => {});
  const form = el('form', {}, el('p', { title: documentSha256 }, `Ký số hợp đồng ${a.number}, phiên bản v${version} · SHA-256 ${short(documentSha256)}`),
    issueNote, el('label', {}, 'Nhập lại mật khẩu để xác nhận ', password), ' ', el('button', { textContent: 'Xác nhận ký' }), message);
  form.onsubmit = async e => {
    e.preventDefault();
    message.textContent = '';
    try {
      if (!await usablePlatformCertificate(token)) {
        await send('POST', `${contracts}/certificates`, token, {});
        await loadCertificates(token);
      }
      const activation = await send('POST', '/api/identity/signature-activations', token,
        { password: password.value, documentSha256, reference: `${a.id}:v${version}` });
      await send('POST', `${contracts}/agreements/${a.id}/versions/${version}/signatures/remote`, token, { activationToken: activation.activationToken });
      await reload();
    } catch (err) { message.textContent = err.message; } finally { password.value = ''; }
  };
  return form;
}

function uploadButton(a, token, reload) {
  const { version } = a.currentVersion;
  const file = el('input', { type: 'file', accept: '.p7s,.p7m,.der,.pem', hidden: true });
  file.onchange = async () => {
    try {
      if (!file.files.length) return;
      const signature = await signatureBase64(file.files[0]);
      await send('POST', `${contracts}/agreements/${a.id}/versions/${version}/signatures/uploaded`, token, { signature });
      await reload();
    } catch (e) { alert(e.message); } finally { file.value = ''; }
  };
  const upload = button('Tải chữ ký', () => file.click());
  upload.title = `Chữ ký CMS tách rời (SHA-256) trên đúng tệp PDF phiên bản v${version}`;
  return el('span', {}, upload, file);
}

async function showVerification(base, token, output) {
  const r = await api(`${base}/signatures/verification`, token);
  const head = !r.signatures.length ? 'Chưa có chữ ký.' : r.allValid ? '✓ Mọi chữ ký đều hợp lệ' : '✗ Có chữ ký không hợp lệ';
  output.replaceChildren(el('h4', { className: r.allValid ? '' : 'miss' }, `Kiểm tra chữ ký phiên bản v${r.version}: ${head}`),
    el('ul', { className: 'reasons' }, ...r.signatures.map(s => el('li', { className: s.superseded ? 'meta' : s.valid ? '' : 'miss' },
      `${s.valid ? '✓ hợp lệ' : '✗ không hợp lệ'} · ${sideVi[s.side] ?? s.side} · v${s.version}${s.superseded ? ' (phiên bản cũ, không tính)' : ''} · `
      + `${s.certificateSubject ?? ''} · ${short(s.fingerprint)} · ký lúc ${when(s.signingTime)}`,
      ...s.problems.map(p => el('div', { className: 'meta' }, p))))));
}

async function showAudit(a, token, output) {
  const base = `${contracts}/agreements/${a.id}`;
  const [trail, check] = await Promise.all([api(`${base}/audit`, token), api(`${base}/audit/verification`, token)]);
  const actor = e => e.actorOrganisationId === a.buyer.organisationId ? sideVi.buyer : e.actorOrganisationId === a.supplier.organisationId ? sideVi.supplier
    : e.actorOrganisationId ? 'văn phòng chương trình' : 'hệ thống';
  const chain = check.intact ? `✓ Chuỗi băm nguyên vẹn (${check.entries} mục)`
    : `✗ Chuỗi băm bị phá vỡ tại mục #${check.firstBrokenLink?.sequence}: ${check.firstBrokenLink?.reason ?? ''}`;
  output.replaceChildren(el('h4', { className: check.intact ? '' : 'miss' }, `Nhật ký: ${chain}`),
    el('ul', { className: 'reasons' }, ...trail.entries.map(e => el('li', {}, [`#${e.sequence} ${when(e.occurredAt)}`,
      `${actionVi[e.action] ?? e.action} v${e.version}`, actor(e), e.details?.reason, `băm ${short(e.hash)}`].filter(Boolean).join(' · ')))));
}

const usable = c => c.source === 'platform' && !c.revokedAt && new Date(c.notAfter) > new Date();
const usablePlatformCertificate = async token => (await api(`${contracts}/certificates`, token)).some(usable);

async function loadCertificates(token) {
  const certificates = await api(`${contracts}/certificates`, token);
  const manage = hasRole('owner', 'signer');
  const active = certificates.some(usable);
  const item = c => el('li', {}, `${c.subject} · ${short(c.fingerprint)} · ${day(c.notBefore)}–${day(c.notAfter)} · `
    + (c.source === 'external' ? 'chứng thư ngoài' : 'do nền tảng cấp'), ' ',
    c.revokedAt ? el('span', { className: 'badge invalid', title: c.revocationReason ?? '' }, `đã thu hồi ${when(c.revokedAt)}`)
      : manage ? button('Thu hồi', async () => {
        const reason = prompt('Lý do thu hồi chứng thư');
        if (!reason) return;
        await send('POST', `${contracts}/certificates/${c.id}/revoke`, token, { reason });
        await loadCertificates(token);
      }) : '');
  document.getElementById('certificates').replaceChildren(el('h3', {}, 'Chứng thư số'),
    el('ul', { className: 'reasons' }, ...certificates.map(item), ...(certificates.length ? [] : [el('li', { className: 'meta' }, 'Chưa có chứng thư số.')])),
    ...(manage && !active ? [button('Cấp chứng thư', async () => { await send('POST', `${contracts}/certificates`, token, {}); await loadCertificates(token); })] : []));
  document.getElementById('certificates').hidden = false;
}

async function showAgreements(claims, token) {
  me = claims;
  if (!claims.org_id) return;
  commitmentNames = Object.fromEntries((await api('/api/needs/reference/commitments').catch(() => [])).map(c => [c.code, c.nameVi]));
  const steps = [loadAgreements(token)];
  if (claims.org_kind !== 'programme-office') steps.push(loadCertificates(token));
  await Promise.all(steps);
  document.getElementById('agreements').hidden = false;
}
