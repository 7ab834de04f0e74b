import type { FormDefinition } from './web-form-definition.ts'

// The browser side of an embedded form, plain ES2017 for any visitor's browser. It draws the form
// after its own <script> tag (or into [data-rapport-form="<token>"]), posts it as JSON to the
// server the script came from, and shows the server's messages beside the fields they name.
// Every text goes in through textContent, never as HTML.
const RUNTIME = `
function (def) {
  var script = document.currentScript;
  var base = new URL(script.src, location.href).origin;
  var preview = script.hasAttribute('data-preview');
  var host = document.createElement('div');
  host.className = 'rapport-form';
  var target = document.querySelector('[data-rapport-form="' + def.token + '"]');
  if (target) target.appendChild(host); else script.parentNode.insertBefore(host, script.nextSibling);
  var style = document.createElement('style');
  style.textContent = '.rapport-form form{display:flex;flex-direction:column;gap:12px;max-width:480px;font:14px/1.5 system-ui,sans-serif}' +
    '.rapport-form label{display:flex;flex-direction:column;gap:4px}.rapport-form input,.rapport-form select,.rapport-form textarea{font:inherit;padding:6px 8px;border:1px solid #d9d9d9;border-radius:6px}' +
    '.rapport-form .rf-consent{flex-direction:row;align-items:flex-start;gap:8px}.rapport-form .rf-error{color:#cf1322;font-size:12px}' +
    '.rapport-form button{font:inherit;padding:8px 16px;border:0;border-radius:6px;background:#1677ff;color:#fff;cursor:pointer}.rapport-form button[disabled]{opacity:.6}' +
    '.rapport-form .rf-required{color:#cf1322}.rapport-form .rf-status{min-height:1.5em}';
  host.appendChild(style);
  var form = document.createElement('form');
  form.noValidate = true;
  host.appendChild(form);
  var errors = {};
  function el(tag, props) { var node = document.createElement(tag); for (var key in props) node[key] = props[key]; return node; }
  function errorSlot(name, parent) { var slot = el('span', { className: 'rf-error' }); slot.setAttribute('data-error-for', name); parent.appendChild(slot); errors[name] = slot; }
  def.fields.forEach(function (field) {
    var label = el('label', {});
    var caption = el('span', { textContent: field.label });
    if (field.required) caption.appendChild(el('span', { className: 'rf-required', textContent: ' *' }));
    label.appendChild(caption);
    var input;
    if (field.input === 'textarea') input = el('textarea', { rows: 4 });
    else if (field.input === 'select') {
      input = el('select', {});
      input.appendChild(el('option', { value: '', textContent: def.texts.choose }));
      field.options.forEach(function (option) { input.appendChild(el('option', { value: option.value, textContent: option.label })); });
    } else input = el('input', { type: field.input });
    input.name = field.name;
    if (field.maxLength) input.maxLength = field.maxLength;
    if (field.required) input.setAttribute('aria-required', 'true');
    label.appendChild(input);
    errorSlot(field.name, label);
    form.appendChild(label);
  });
  var trap = el('div', {});
  trap.setAttribute('aria-hidden', 'true');
  trap.style.cssText = 'position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden';
  trap.appendChild(el('input', { type: 'text', name: def.honeypot, tabIndex: -1, autocomplete: 'off' }));
  form.appendChild(trap);
  var consent;
  if (def.consent) {
    var consentLabel = el('label', { className: 'rf-consent' });
    consent = el('input', { type: 'checkbox', name: 'consent' });
    consentLabel.appendChild(consent);
    consentLabel.appendChild(el('span', { textContent: def.consent.text }));
    form.appendChild(consentLabel);
    errorSlot('consent', form);
  }
  var button = el('button', { type: 'submit', textContent: def.texts.submit });
  form.appendChild(button);
  var status = el('div', { className: 'rf-status' });
  status.setAttribute('role', 'status');
  form.appendChild(status);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    Object.keys(errors).forEach(function (name) { errors[name].textContent = ''; });
    if (preview) { status.textContent = def.texts.preview; return; }
    var body = {};
    def.fields.forEach(function (field) { var value = form.elements[field.name].value.trim(); if (value) body[field.name] = value; });
    var trapped = form.elements[def.honeypot].value;
    if (trapped) body[def.honeypot] = trapped;
    if (consent) body.consent = consent.checked;
    button.disabled = true;
    button.textContent = def.texts.sending;
    status.textContent = '';
    fetch(base + '/api/public/forms/' + encodeURIComponent(def.token), {
      method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': navigator.language || 'en' }, body: JSON.stringify(body),
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      if (result.ok) { host.replaceChild(el('p', { className: 'rf-success', textContent: result.data.message }), form); return; }
      var error = (result.data && result.data.error) || {};
      var unplaced = [];
      (error.fields || []).forEach(function (field) { if (errors[field.field]) errors[field.field].textContent = field.message; else unplaced.push(field.message); });
      status.textContent = unplaced.length ? unplaced.join(' ') : (error.fields && error.fields.length ? '' : error.message || def.texts.failed);
    }).catch(function () {
      status.textContent = def.texts.failed;
    }).then(function () {
      button.disabled = false;
      button.textContent = def.texts.submit;
    });
  });
}`

/** The script a web page includes to show the form: the runtime applied to the form's definition. */
export function embedScript(definition: FormDefinition): string {
  // Inside a <script> nothing may read as a closing tag or a line break JavaScript does not allow.
  const json = JSON.stringify(definition).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
  return `/* Rapport web form */\n(${RUNTIME.trim()})(${json});\n`
}
