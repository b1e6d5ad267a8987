// yaosu 要素式审判 — the judge's form. Vanilla JS, no external assets.
//
// The element table is generated from the case JSON Schema served at /api/schema/{case_type}
// (x-sections for grouping, titles for labels, x-type / x-options for widgets), so a new case
// type needs no code here. Every user-supplied value reaches the page through textContent,
// input.value or option.text and is never parsed as HTML, so party names such as
// <script>alert(1)</script> show literally.
"use strict";

const STATUS_LABELS = {
  agreed: "双方一致", disputed: "有争议", complaint_only: "仅原告主张", answer_only: "仅被告主张",
};
const POSITION_LABELS = { admit: "被告承认", contest: "被告否认" };
// Labels for sub-fields of structured values (当事人, 利率, 利息请求) and for common codes; the
// schema's own titles for these are English class field names.
const SUBFIELD_LABELS = {
  name: "姓名或名称", kind: "类型", gender: "性别", birth_date: "出生日期", ethnicity: "民族",
  id_number: "身份证号码", address: "住址（住所地）", legal_representative: "法定代表人",
  agents: "委托诉讼代理人", raw: "原文表述", period: "计息周期", percent: "利率（%）",
  annual_percent: "年利率（%）", amount: "金额", base: "计算基数", rate: "利率",
  start_date: "起算日期", end: "截止",
};
const CODE_LABELS = {
  natural: "自然人", legal: "法人", other: "其他组织", year: "年", month: "月", day: "日",
  until_paid: "至实际清偿之日", simple: "简易程序", ordinary: "普通程序",
};

const state = {
  schemas: {},        // case_type -> JSON Schema
  courts: [],
  caseTypes: [],
  current: null,      // the case view from the API
  selected: null,     // selected element id
  side: "complaint",  // pleading shown
  saving: Promise.resolve(),
  rows: {},           // element id -> {tr, statusCell, answerCell, msg}
  session: null,      // GET /api/session: {mode: "desk"|"accounts", user, role, court, csrf_token}
};

const ROLE_LABELS = { judge: "法官", assistant: "法官助理", researcher: "研究人员", admin: "管理员", desk: "单机" };

function accountsMode() { return Boolean(state.session && state.session.mode === "accounts"); }
// Only judges record findings (the server refuses anyone else; the form does not offer it).
function canFind() { return !state.session || ["judge", "desk"].includes(state.session.role); }

// ---------------------------------------------------------------------------------------------
// DOM helpers

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "text") el.textContent = value;
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function $(id) { return document.getElementById(id); }

function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }

function setStatus(text, isError) {
  const el = $("save-status");
  el.textContent = text;
  el.classList.toggle("error", Boolean(isError));
}

// ---------------------------------------------------------------------------------------------
// API

function userName() { return ($("user-name").value || "").trim(); }

async function api(method, url, body) {
  const headers = {};
  if (accountsMode()) {
    // The session cookie (HttpOnly, SameSite=Strict) goes by itself; state changes carry the CSRF token.
    if (method !== "GET") headers["X-CSRF-Token"] = state.session.csrf_token;
  } else {
    const user = userName();
    if (user) headers["X-Yaosu-User"] = encodeURIComponent(user);
  }
  const init = { method, headers };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url, init);
  if (response.status === 401 && accountsMode()) {
    location.replace("/login"); // the session ended (logout elsewhere, expiry, account disabled)
  }
  let data = null;
  const type = response.headers.get("Content-Type") || "";
  if (type.includes("application/json")) data = await response.json();
  else data = await response.text();
  if (!response.ok) {
    const error = new Error(errorText(data, response.status));
    error.status = response.status;
    error.data = data;
    throw error;
  }
  return data;
}

function errorText(data, status) {
  if (data && typeof data === "object" && "detail" in data) {
    const detail = data.detail;
    if (typeof detail === "string") return detail;
    if (Array.isArray(detail)) return detail.map((d) => (d && d.message) || JSON.stringify(d)).join("；");
  }
  return `请求失败（${status}）`;
}

// ---------------------------------------------------------------------------------------------
// JSON Schema → widgets

function deref(schema, node) {
  let guard = 0;
  while (node && node.$ref && guard++ < 20) {
    const path = node.$ref.replace(/^#\//, "").split("/");
    let target = schema;
    for (const part of path) target = target[part];
    node = Object.assign({}, target, omit(node, ["$ref"]));
  }
  return node || {};
}

function omit(obj, keys) {
  const out = {};
  for (const [k, v] of Object.entries(obj)) if (!keys.includes(k)) out[k] = v;
  return out;
}

// The non-null part of a schema node and whether null is allowed (pydantic writes T | None as anyOf).
function unwrap(schema, node) {
  node = deref(schema, node);
  if (!node.anyOf) return { node, nullable: node.type === "null" };
  const options = node.anyOf.map((o) => deref(schema, o));
  const real = options.filter((o) => o.type !== "null");
  const nullable = real.length < options.length;
  const meta = omit(node, ["anyOf", "default"]);
  if (real.length === 1) return { node: Object.assign({}, real[0], meta), nullable };
  return { node: Object.assign({ anyOf: real }, meta), nullable };
}

function optionLabel(code, options) {
  if (options && code in options) return options[code];
  if (code in CODE_LABELS) return CODE_LABELS[code];
  return String(code);
}

function isEmpty(value) {
  return value === null || value === undefined || value === "" ||
    (Array.isArray(value) && value.length === 0);
}

function splitList(text) {
  return text.split(/[、,，;；\n]+/).map((s) => s.trim()).filter(Boolean);
}

// A widget is {el, get()}; a "change" event bubbling out of `el` means the value was edited.
function makeWidget(schema, rawNode, value, xOptions, xType) {
  const { node, nullable } = unwrap(schema, rawNode);
  const options = xOptions || node["x-options"];
  xType = xType || node["x-type"];

  if (node.anyOf) {
    // Several string forms (e.g. a date or "until_paid"): free text with the constants suggested.
    const listId = "dl-" + Math.random().toString(36).slice(2);
    const consts = node.anyOf.filter((o) => "const" in o).map((o) => o.const);
    const input = h("input", { class: "w-input", list: listId, placeholder: consts.map((c) => optionLabel(c)).join(" / ") });
    input.value = value === null || value === undefined ? "" : String(value);
    const datalist = h("datalist", { id: listId }, consts.map((c) => h("option", { value: c, text: optionLabel(c) })));
    return { el: h("span", {}, input, datalist), get: () => (input.value.trim() === "" ? null : input.value.trim()) };
  }
  if (node.enum || "const" in node) {
    const codes = node.enum || [node.const];
    const select = h("select", { class: "w-select" });
    if (nullable || value === null || value === undefined) select.append(h("option", { value: "", text: "（未填）" }));
    for (const code of codes) select.append(h("option", { value: code, text: optionLabel(code, options) }));
    select.value = value === null || value === undefined ? "" : String(value);
    return { el: select, get: () => (select.value === "" ? null : select.value) };
  }
  switch (node.type) {
    case "boolean": {
      const select = h("select", { class: "w-select" },
        h("option", { value: "", text: "（未填）" }), h("option", { value: "true", text: "是" }),
        h("option", { value: "false", text: "否" }));
      select.value = value === true ? "true" : value === false ? "false" : "";
      return { el: select, get: () => (select.value === "" ? null : select.value === "true") };
    }
    case "integer":
    case "number": {
      const input = h("input", { class: "w-input", type: "number", step: node.type === "integer" ? "1" : "any" });
      input.value = value === null || value === undefined ? "" : String(value);
      return { el: input, get: () => (input.value === "" ? null : Number(input.value)) };
    }
    case "array":
      return arrayWidget(schema, node, value, nullable);
    case "object":
      return objectWidget(schema, node, value, nullable);
    default: {
      const long = xType === "text";
      const input = h(long ? "textarea" : "input", {
        class: long ? "w-textarea" : "w-input",
        placeholder: placeholderFor(node, xType),
      });
      input.value = value === null || value === undefined ? "" : String(value);
      return { el: input, get: () => (input.value.trim() === "" ? null : input.value.trim()) };
    }
  }
}

function placeholderFor(node, xType) {
  if (xType === "money") return "金额，如 50000.00";
  if (xType === "date" || (node.pattern || "").startsWith("^\\d{4}")) return "日期，如 2021-03-05";
  if (node.examples && node.examples.length) return "如 " + node.examples[0];
  return "";
}

function arrayWidget(schema, node, value, nullable) {
  const items = deref(schema, node.items || {});
  if (items.type !== "object") {
    const input = h("input", { class: "w-input", placeholder: "多项以顿号分隔" });
    input.value = Array.isArray(value) ? value.join("、") : "";
    return {
      el: input,
      get: () => {
        const list = splitList(input.value);
        return list.length ? list : (nullable ? null : []);
      },
    };
  }
  const box = h("div", { class: "w-array" });
  const list = h("div", {});
  const entries = [];
  const addItem = (itemValue) => {
    const widget = objectWidget(schema, items, itemValue, true);
    const wrapper = h("div", { class: "w-array-item" }, widget.el);
    const remove = h("button", {
      type: "button", class: "w-btn", text: "删除",
      onclick: () => {
        entries.splice(entries.indexOf(entry), 1);
        wrapper.remove();
        box.dispatchEvent(new Event("change", { bubbles: true }));
      },
    });
    wrapper.append(remove);
    const entry = { widget, wrapper };
    entries.push(entry);
    list.append(wrapper);
  };
  for (const item of Array.isArray(value) ? value : []) addItem(item);
  const add = h("button", { type: "button", class: "w-btn", text: "添加一项", onclick: () => addItem(null) });
  box.append(list, add);
  return {
    el: box,
    get: () => {
      const values = entries.map((e) => e.widget.get()).filter((v) => v !== null);
      return values.length ? values : (nullable ? null : []);
    },
  };
}

function objectWidget(schema, node, value, nullable) {
  const box = h("fieldset", { class: "w-object" });
  const fields = [];
  const current = value && typeof value === "object" ? value : {};
  const properties = Object.entries(node.properties || {});
  const required = node.required || [];
  // Long records (当事人) show their required fields and keep the rest one click away.
  const fold = properties.length > 4 && required.length > 0;
  const more = fold ? h("details", { class: "w-more" }, h("summary", { text: "详细信息" })) : null;
  for (const [key, prop] of properties) {
    const resolved = unwrap(schema, prop).node;
    const label = SUBFIELD_LABELS[key] || resolved.description || resolved.title || key;
    const widget = makeWidget(schema, prop, key in current ? current[key] : null);
    fields.push([key, widget]);
    const target = fold && !required.includes(key) ? more : box;
    target.append(h("label", { text: label }), widget.el);
  }
  if (more) box.append(more);
  return {
    el: box,
    get: () => {
      const out = {};
      let filled = false;
      for (const [key, widget] of fields) {
        const v = widget.get();
        if (!isEmpty(v) && !(key === "kind" && v === "natural")) filled = true;
        out[key] = v;
        if (v === null && Array.isArray(current[key])) out[key] = [];
      }
      // Keep keys the widgets do not show (none today), so an edit never drops data.
      for (const [key, v] of Object.entries(current)) if (!(key in out)) out[key] = v;
      return filled ? prune(out, node) : (nullable ? null : out);
    },
  };
}

// Drop null entries for properties the schema does not allow to be null (e.g. agents: [] not null).
function prune(obj, node) {
  const out = {};
  for (const [key, v] of Object.entries(obj)) {
    const prop = (node.properties || {})[key];
    if (v === null && prop && !prop.anyOf && prop.type !== "null") {
      if (prop.type === "array") out[key] = [];
      continue;
    }
    out[key] = v;
  }
  return out;
}

// A value shown read-only (the answer's side), as plain text.
function formatValue(value, xOptions) {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map((v) => formatValue(v, xOptions)).join("、");
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "object") {
    if ("name" in value) return value.name;
    if ("raw" in value) return `${value.raw}（年利率 ${value.annual_percent}%）`;
    return Object.entries(value).filter(([, v]) => !isEmpty(v))
      .map(([k, v]) => `${SUBFIELD_LABELS[k] || k}：${formatValue(v)}`).join("；");
  }
  return optionLabel(value, xOptions);
}

// ---------------------------------------------------------------------------------------------
// The element table

function valuesNode(schema) {
  return deref(schema, schema.properties.findings);
}

function renderTable() {
  const view = state.current;
  const schema = state.schemas[view.case_type];
  const values = valuesNode(schema);
  const container = $("element-table");
  clear(container);
  state.rows = {};

  container.append(renderMeta(schema, view));
  for (const section of schema["x-sections"] || []) {
    container.append(h("h3", { text: section.label }));
    const table = h("table", { class: "elements", dataset: { section: section.id } },
      h("colgroup", {}, h("col", { class: "c-label" }), h("col", { class: "c-complaint" }),
        h("col", { class: "c-answer" }), h("col", { class: "c-finding" })),
      h("thead", {}, h("tr", {}, h("th", { text: "要素" }), h("th", { text: "原告主张" }),
        h("th", { text: "被告意见" }), h("th", { text: "本院认定" }))));
    const body = h("tbody", {});
    for (const elementId of section.elements) {
      const fieldSchema = values.properties[elementId];
      if (!fieldSchema) continue;
      body.append(renderRow(schema, elementId, fieldSchema, view.elements[elementId] || {}));
    }
    table.append(body);
    container.append(table);
  }
  applyMessages(view.problems, []);
}

function renderRow(schema, elementId, fieldSchema, row) {
  const xOptions = fieldSchema["x-options"];
  const xType = fieldSchema["x-type"];
  const tr = h("tr", { class: "element", id: `row-${elementId}`, dataset: { element: elementId } });
  const evCount = (row.evidence.complaint || []).length + (row.evidence.answer || []).length;
  const statusCell = h("span", {});
  const labelCell = h("td", {},
    h("span", { class: "label", text: fieldSchema.title || elementId }),
    fieldSchema["x-required"] ? h("span", { class: "required", title: "必填要素", text: "*" }) : null,
    h("br"), statusCell,
    evCount ? h("span", { class: "ev-count", text: `原文出处 ${evCount} 处` }) : null);
  if (fieldSchema.description) labelCell.title = fieldSchema.description;

  const complaint = makeWidget(schema, fieldSchema, row.complaint, xOptions, xType);
  complaint.el.classList.add("complaint-value");
  complaint.el.addEventListener("change", () => {
    save({ edits: { elements: { [elementId]: { complaint: complaint.get() } } } }, elementId);
  });

  const answerCell = h("td", { class: "answer-cell" });
  const finding = makeWidget(schema, fieldSchema, row.finding, xOptions, xType);
  finding.el.classList.add("finding-value");
  finding.el.addEventListener("change", () => {
    save({ findings: { [elementId]: finding.get() } }, elementId);
  });
  const clearButton = h("button", {
    type: "button", class: "w-btn clear-finding", text: "清除认定",
    onclick: () => save({ findings: { [elementId]: null } }, elementId, true),
  });
  // For a dispute the finding is often one side's value: adopt it with one click.
  const adopt = (side, text) => h("button", {
    type: "button", class: `w-btn adopt-${side}`, text,
    onclick: () => {
      const current = state.current.elements[elementId] || {};
      if (!isEmpty(current[side])) save({ findings: { [elementId]: current[side] } }, elementId, true);
    },
  });
  const adoptButtons = h("span", { class: "adopt" }, adopt("complaint", "采纳原告主张"), adopt("answer", "采纳被告意见"));
  const msg = h("div", { class: "field-msg", id: `msg-${elementId}` });
  // A fieldset so that, for an assistant, every finding control is disabled at once.
  const findingBox = h("fieldset", { class: "finding-box", disabled: !canFind(), title: canFind() ? null : "只有法官可以认定" },
    finding.el, h("div", { class: "finding-actions" }, adoptButtons, clearButton));
  const findingCell = h("td", { class: "finding-cell" }, findingBox, msg);
  tr.append(labelCell, h("td", {}, complaint.el), answerCell, findingCell);
  tr.addEventListener("focusin", () => selectElement(elementId));
  tr.addEventListener("click", () => selectElement(elementId));
  state.rows[elementId] = { tr, statusCell, answerCell, msg, xOptions, finding, adoptButtons };
  if (state.selected === elementId) tr.classList.add("selected");
  updateRow(elementId, row);
  return tr;
}

// Refresh what the server computes (status, the answer's side) without rebuilding the widgets,
// so the judge's cursor stays where it is while saves come back.
function updateRow(elementId, row) {
  const ref = state.rows[elementId];
  if (!ref) return;
  const status = row.status;
  ref.tr.classList.toggle("disputed", status === "disputed");
  clear(ref.statusCell);
  ref.statusCell.append(h("span", {
    class: `status status-${status || "none"}`, text: status ? STATUS_LABELS[status] : "未主张",
  }));
  const pending = status === "disputed" && isEmpty(row.finding);
  ref.tr.classList.toggle("pending", pending);
  if (pending) ref.statusCell.append(h("span", { class: "pending-flag", text: "待认定" }));
  ref.adoptButtons.hidden = status !== "disputed";
  clear(ref.answerCell);
  ref.answerCell.append(h("div", { class: "answer-value", text: formatValue(row.answer, ref.xOptions) }));
  if (row.answer_position) {
    ref.answerCell.append(h("span", {
      class: `position position-${row.answer_position}`, text: POSITION_LABELS[row.answer_position] || "",
    }));
  }
}

function renderMeta(schema, view) {
  const metaNode = deref(schema, schema.properties.meta);
  const box = h("details", { class: "meta-box", id: "meta-box" }, h("summary", { text: "案件信息（案号、审判员、日期等）" }));
  const form = objectWidget(schema, metaNode, view.case.meta || {}, false);
  form.el.addEventListener("change", () => save({ edits: { meta: form.get() } }, null));
  box.append(form.el);
  return box;
}

// Messages next to fields: errors from a refused save and the case's open problems.
function applyMessages(problems, errors) {
  for (const ref of Object.values(state.rows)) {
    clear(ref.msg);
    ref.tr.classList.remove("invalid");
  }
  const general = $("case-problems");
  clear(general);
  const notes = $("case-notes");
  clear(notes);
  const place = (item, cls) => {
    const parts = (item.path || "").split("/");
    const elementId = (parts[1] === "findings" || parts[1] === "elements") ? parts[2] : null;
    const ref = elementId && state.rows[elementId];
    if (ref) {
      ref.msg.append(h("span", { class: cls, text: item.message }));
      if (cls === "err") ref.tr.classList.add("invalid");
    } else {
      general.append(h("li", { class: cls, text: item.message }));
    }
  };
  for (const e of errors || []) place(e, "err");
  for (const p of problems || []) place(p, "warn");
  const warnings = (state.current && state.current.warnings) || [];
  for (const w of warnings) notes.append(h("li", { text: w }));
  $("case-notes-count").textContent = String(warnings.length);
  $("case-notes-box").hidden = warnings.length === 0;
}

// ---------------------------------------------------------------------------------------------
// Saving

function save(patch, elementId, rebuild) {
  // Saves go one at a time, each on top of the version the previous one produced.
  state.saving = state.saving.then(() => doSave(patch, elementId, rebuild)).catch(() => {});
  return state.saving;
}

async function doSave(patch, elementId, rebuild) {
  const view = state.current;
  if (!view) return;
  setStatus("保存中…");
  try {
    const body = { version: view.version, findings: patch.findings || {}, edits: patch.edits || {} };
    const updated = withPleadings(await api("PATCH", `/api/cases/${encodeURIComponent(view.id)}`, body), view);
    state.current = updated;
    for (const [id, row] of Object.entries(updated.elements)) updateRow(id, row);
    if (rebuild) {
      // The value was set by a button, not typed: rebuild the table so the widgets show it.
      const scroll = $("table-pane").scrollTop;
      renderTable();
      $("table-pane").scrollTop = scroll;
    }
    applyMessages(updated.problems, []);
    showHeader();
    setStatus(`已保存（版本 ${updated.version}，${updated.saved_by}）`);
    refreshPreview();
    refreshHistory();
    loadCaseList();
  } catch (error) {
    if (error.status === 409) {
      setStatus(error.message, true);
      showConflict(error.message);
    } else if (error.status === 422 && Array.isArray(error.data && error.data.detail)) {
      applyMessages(view.problems, error.data.detail);
      setStatus("未保存：" + error.message, true);
    } else {
      setStatus("保存失败：" + error.message, true);
    }
  }
}

// A save cannot change the pleadings, so its answer leaves them out (the case's complaint and
// answer, each row's evidence): they are carried over from the version the save was made on.
function withPleadings(updated, previous) {
  for (const side of ["complaint", "answer"]) {
    if (previous.case[side] !== undefined) updated.case[side] = previous.case[side];
  }
  for (const [id, row] of Object.entries(updated.elements)) {
    const before = previous.elements[id];
    row.evidence = (before && before.evidence) || { complaint: [], answer: [] };
  }
  return updated;
}

function showConflict(message) {
  const general = $("case-problems");
  general.append(h("li", { class: "err" }, message + " ",
    h("button", { type: "button", class: "w-btn", text: "载入最新版本", onclick: () => openCase(state.current.id) })));
}

// ---------------------------------------------------------------------------------------------
// Preview, download, history

function currentCourt() {
  return $("court-select").value || (state.current && state.current.court) || "";
}

async function refreshPreview() {
  const view = state.current;
  if (!view) return;
  const court = currentCourt();
  const error = $("preview-error");
  if (!court) {
    error.textContent = "请先选择法院，再预览判决书。";
    return;
  }
  const version = view.version;
  const url = `/api/cases/${encodeURIComponent(view.id)}/draft?court=${encodeURIComponent(court)}` +
    `&format=html&version=${version}`;
  try {
    const html = await api("GET", url);
    if (!state.current || state.current.version !== version) return; // a newer save is on its way
    error.textContent = "";
    // srcdoc of a sandboxed frame without allow-scripts: the judgment can never run script.
    $("preview").srcdoc = html;
    $("preview").dataset.version = String(version);
    $("preview-version").textContent = `版本 ${version} · ${courtName(court)}`;
  } catch (e) {
    error.textContent = "无法生成预览：" + e.message;
  }
}

function courtName(id) {
  const court = state.courts.find((c) => c.id === id);
  return court ? court.name : id;
}

function updateDownload() {
  const view = state.current;
  const link = $("download-docx");
  const court = currentCourt();
  if (!view || !court) {
    link.removeAttribute("href");
    return;
  }
  link.href = `/api/cases/${encodeURIComponent(view.id)}/draft?court=${encodeURIComponent(court)}` +
    `&format=docx&version=${view.version}`;
}

async function refreshHistory() {
  const view = state.current;
  if (!view) return;
  const list = $("history-list");
  try {
    const entries = await api("GET", `/api/cases/${encodeURIComponent(view.id)}/history`);
    clear(list);
    for (const entry of entries.slice().reverse()) {
      const when = new Date(entry.saved_at).toLocaleString("zh-CN");
      const item = h("li", {}, h("strong", { text: `版本 ${entry.version}` }), ` · ${entry.user} · ${when}`);
      for (const change of entry.changes) {
        const text = change.path === "/" ? change.label
          : `${change.label}：${formatValue(change.old) || "（空）"} → ${formatValue(change.new) || "（空）"}`;
        item.append(h("span", { class: "change", text }));
      }
      list.append(item);
    }
  } catch (e) {
    clear(list);
    list.append(h("li", { class: "error", text: e.message }));
  }
}

// ---------------------------------------------------------------------------------------------
// Pleading text with evidence highlighted

function selectElement(elementId) {
  if (state.selected === elementId) return;
  state.selected = elementId;
  for (const [id, ref] of Object.entries(state.rows)) ref.tr.classList.toggle("selected", id === elementId);
  const row = state.current.elements[elementId];
  if (row) {
    const mine = row.evidence[state.side] || [];
    const other = state.side === "complaint" ? "answer" : "complaint";
    if (!mine.length && (row.evidence[other] || []).length) state.side = other;
  }
  renderPleading(true);
}

function renderPleading(scroll) {
  const view = state.current;
  for (const tab of document.querySelectorAll(".tab")) tab.classList.toggle("active", tab.dataset.side === state.side);
  const box = $("pleading-text");
  clear(box);
  const pleading = view.case[state.side];
  if (!pleading || !pleading.text) {
    box.append(h("p", { class: "hint", text: state.side === "answer" ? "没有答辩状。" : "没有起诉状原文。" }));
    return;
  }
  const text = pleading.text;
  const spans = [];
  for (const [id, row] of Object.entries(view.elements)) {
    for (const ev of row.evidence[state.side] || []) {
      const start = Math.max(0, Math.min(text.length, ev.start));
      const end = Math.max(start, Math.min(text.length, ev.end));
      if (end > start) spans.push({ start, end, id });
    }
  }
  // Cut the text at every span boundary; each piece is marked with the elements covering it.
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  let firstActive = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.id);
    if (!covering.length) {
      box.append(document.createTextNode(piece));
      continue;
    }
    const active = covering.includes(state.selected);
    const mark = h("mark", {
      class: active ? "active" : "", text: piece,
      title: covering.map((id) => (view.elements[id] || {}).label || id).join("、"),
      dataset: { elements: covering.join(" ") },
      onclick: () => focusRow(covering[0]),
    });
    if (active && !firstActive) firstActive = mark;
    box.append(mark);
  }
  if (scroll && firstActive) firstActive.scrollIntoView({ block: "center", behavior: "instant" });
}

function focusRow(elementId) {
  const ref = state.rows[elementId];
  if (!ref) return;
  ref.tr.scrollIntoView({ block: "center", behavior: "instant" });
  selectElement(elementId);
}

// ---------------------------------------------------------------------------------------------
// Case list, opening, creating

async function loadCaseList() {
  const list = $("case-list");
  try {
    const cases = await api("GET", "/api/cases");
    clear(list);
    if (!cases.length) list.append(h("li", { class: "hint", text: "还没有案件，请上传诉状。" }));
    for (const c of cases) {
      const link = h("a", { href: `#case=${encodeURIComponent(c.id)}`, text: c.title || c.id, dataset: { id: c.id } });
      const meta = h("span", { class: "meta", text: `版本 ${c.version} · ${new Date(c.updated_at).toLocaleString("zh-CN")}` });
      const li = h("li", { dataset: { id: c.id } }, link, meta);
      if (state.current && state.current.id === c.id) li.classList.add("current");
      list.append(li);
    }
  } catch (e) {
    clear(list);
    list.append(h("li", { class: "error", text: e.message }));
  }
}

async function schemaFor(caseType) {
  if (!state.schemas[caseType]) state.schemas[caseType] = await api("GET", `/api/schema/${encodeURIComponent(caseType)}`);
  return state.schemas[caseType];
}

function showHeader() {
  const view = state.current;
  $("case-title").textContent = view.title;
  $("case-version").textContent = `版本 ${view.version}`;
  $("case-version").dataset.version = String(view.version);
  if (view.court) $("court-select").value = view.court;
  updateDownload();
}

async function openCase(caseId) {
  try {
    const view = await api("GET", `/api/cases/${encodeURIComponent(caseId)}`);
    await schemaFor(view.case_type);
    state.current = view;
    state.selected = null;
    state.side = "complaint";
    $("case-view").hidden = false;
    showHeader();
    renderTable();
    renderPleading(false);
    setStatus(`已载入（版本 ${view.version}）`);
    refreshPreview();
    refreshHistory();
    loadCaseList();
  } catch (e) {
    setStatus(e.message, true);
  }
}

async function createCase(event) {
  event.preventDefault();
  const error = $("new-case-error");
  error.textContent = "";
  const form = new FormData();
  const complaint = $("complaint-file").files[0];
  const answer = $("answer-file").files[0];
  if (!complaint) {
    error.textContent = "请选择起诉状文件";
    return;
  }
  form.append("complaint", complaint);
  if (answer) form.append("answer", answer);
  form.append("case_type", $("new-case-type").value);
  if ($("new-court").value) form.append("court", $("new-court").value);
  $("new-case-submit").disabled = true;
  setStatus("正在抽取要素…");
  try {
    const view = await api("POST", "/api/cases", form);
    $("new-case-form").reset();
    location.hash = `case=${encodeURIComponent(view.id)}`;
    await openCase(view.id);
  } catch (e) {
    error.textContent = e.message;
    setStatus("新建案件失败", true);
  } finally {
    $("new-case-submit").disabled = false;
  }
}

function caseFromHash() {
  const match = /case=([^&]+)/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

async function loadSession() {
  const response = await fetch("/api/session");
  if (response.status === 401) {
    location.replace("/login");
    return false;
  }
  state.session = await response.json();
  document.body.dataset.role = state.session.role;
  if (accountsMode()) {
    $("user-label").hidden = true;
    $("account").hidden = false;
    showAccount();
    $("logout").addEventListener("click", logout);
  }
  return true;
}

function showAccount() {
  const court = state.session.court ? ` · ${courtName(state.session.court)}` : "";
  $("account-name").textContent = `${state.session.user}（${ROLE_LABELS[state.session.role] || state.session.role}${court}）`;
}

async function logout() {
  try { await api("DELETE", "/api/session"); } catch (e) { /* ended anyway */ }
  location.replace("/login");
}

// Researchers and administrators never see a case file: they get their own panel instead of the form.
function showRolePanel() {
  const role = state.session.role;
  if (role !== "researcher" && role !== "admin") return false;
  $("layout").hidden = true;
  const panel = $("role-panel");
  panel.hidden = false;
  if (role === "researcher") {
    panel.append(h("h2", { text: "研究数据导出（已去标识化）" }),
      h("p", {}, h("a", { id: "export-csv", href: "/api/research/export?format=csv", download: true, text: "下载 CSV" }),
        " ", h("a", { id: "export-parquet", href: "/api/research/export?format=parquet", download: true, text: "下载 Parquet" })));
  } else {
    panel.append(h("h2", { text: "账户管理" }),
      h("p", { text: "添加、停用账户与修改密码请在服务器上使用 yaosu user 命令。" }));
    const list = h("ul", { id: "user-list" });
    panel.append(list);
    api("GET", "/api/users").then((users) => {
      for (const u of users) list.append(h("li", { text: `${u.name} · ${ROLE_LABELS[u.role] || u.role}${u.court ? " · " + u.court : ""}${u.disabled ? " · 已停用" : ""}` }));
    }).catch((e) => list.append(h("li", { class: "error", text: e.message })));
  }
  return true;
}

async function init() {
  if (!(await loadSession())) return;
  if (showRolePanel()) {
    document.body.dataset.ready = "1";
    return;
  }
  const nameInput = $("user-name");
  nameInput.value = localStorage.getItem("yaosu.user") || "";
  nameInput.addEventListener("change", () => localStorage.setItem("yaosu.user", nameInput.value.trim()));
  if (!nameInput.value && !accountsMode()) {
    try { nameInput.value = (await api("GET", "/api/me")).user.replace(/^匿名用户$/, ""); } catch (e) { /* optional */ }
  }
  const [types, courts] = await Promise.all([api("GET", "/api/case-types"), api("GET", "/api/courts")]);
  state.caseTypes = types;
  state.courts = courts;
  for (const t of types) $("new-case-type").append(h("option", { value: t.id, text: t.label }));
  $("new-court").append(h("option", { value: "", text: "（稍后选择）" }));
  $("court-select").append(h("option", { value: "", text: "（请选择法院）" }));
  for (const c of courts) {
    $("new-court").append(h("option", { value: c.id, text: c.name }));
    $("court-select").append(h("option", { value: c.id, text: c.name }));
  }
  $("court-select").value = "";
  if (accountsMode() && state.session.court) {
    // A judge or an assistant works on the cases of one court only: new cases are filed there.
    showAccount();
    $("new-court").value = state.session.court;
    $("new-court").disabled = true;
    $("court-select").disabled = true;
  }
  $("court-select").addEventListener("change", () => {
    updateDownload();
    save({ edits: { court: $("court-select").value || null } }, null);
  });
  $("new-case-form").addEventListener("submit", createCase);
  for (const tab of document.querySelectorAll(".tab")) {
    tab.addEventListener("click", () => { state.side = tab.dataset.side; renderPleading(true); });
  }
  window.addEventListener("hashchange", () => {
    const id = caseFromHash();
    if (id && (!state.current || state.current.id !== id)) openCase(id);
  });
  await loadCaseList();
  const id = caseFromHash();
  if (id) await openCase(id);
  document.body.dataset.ready = "1";
}

document.addEventListener("DOMContentLoaded", () => {
  init().catch((e) => setStatus("初始化失败：" + e.message, true));
});
