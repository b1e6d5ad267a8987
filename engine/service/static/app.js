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
  order: [],          // element ids in table order
  session: null,      // GET /api/session: {mode: "desk"|"accounts", user, role, court, csrf_token}
  errors: {},         // field key -> the message of its refused value (kept until that field saves)
  dirty: new Set(),   // field keys typed into and not yet stored
  filter: "all",      // "disputed" | "pending" | "all"
  pane: "table",      // the pane shown when the panes are tabs (narrow screens)
  metaInputs: {},
  narrow: () => window.matchMedia("(max-width: 1100px)").matches,
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

// Element value types a judge types as text: the server's normaliser (coerce_value) reads
// 95000 / 9.5万元 / 玖万伍仟元, 2021年6月1日 / 2021.6.1 / 二〇二一年六月一日, 月息2分 / 15.4%, 是 / 否,
// so the form sends exactly what was typed and shows back what was stored. No client-side pattern.
const TYPED_SCALARS = new Set(["money", "date", "rate", "percent", "int", "bool"]);

// A stored value in the form a judge would type it again (a rate by its own words).
function typedForm(xType, value) {
  if (value === null || value === undefined) return "";
  if (xType === "bool") return value === true ? "是" : value === false ? "否" : String(value);
  if (xType === "rate" && typeof value === "object") {
    return value.raw || (value.annual_percent !== undefined ? `年利率${value.annual_percent}%` : "");
  }
  return String(value);
}


function scalarWidget(xType, value, hint) {
  const input = h("input", {
    class: "w-input w-typed", type: "text", autocomplete: "off", spellcheck: "false",
    placeholder: hint ? (hint.includes("如") ? hint.slice(hint.indexOf("如")) : hint) : "",
    title: hint || null,
  });
  if (xType === "bool") {
    // one shared list of suggestions (是 / 否), so the input itself stays the widget
    if (!$("dl-bool")) document.body.append(h("datalist", { id: "dl-bool" }, h("option", { value: "是" }), h("option", { value: "否" })));
    input.setAttribute("list", "dl-bool");
  }
  input.value = typedForm(xType, value);
  return {
    el: input,
    input,
    get: () => (input.value.trim() === "" ? null : input.value.trim()),
    set: (stored) => { input.value = typedForm(xType, stored); },
  };
}

// A widget is {el, get()}; a "change" event bubbling out of `el` means the value was edited.
function makeWidget(schema, rawNode, value, xOptions, xType, fieldOptions, fieldTypes) {
  const { node, nullable } = unwrap(schema, rawNode);
  const options = xOptions || node["x-options"];
  xType = xType || node["x-type"];
  if (TYPED_SCALARS.has(xType)) return scalarWidget(xType, value, node["x-hint"] || rawNode["x-hint"]);

  if (node.anyOf) {
    // Several string forms (e.g. a date or "until_paid"): free text with the constants suggested.
    const listId = "dl-" + Math.random().toString(36).slice(2);
    const consts = node.anyOf.filter((o) => "const" in o).map((o) => o.const);
    // constants are shown and typed by their Chinese name (至实际清偿之日), stored by their code
    const byLabel = Object.fromEntries(consts.map((c) => [optionLabel(c), c]));
    const input = h("input", { class: "w-input", list: listId, placeholder: consts.map((c) => optionLabel(c)).join(" / ") });
    input.value = value === null || value === undefined ? "" : consts.includes(value) ? optionLabel(value) : String(value);
    const datalist = h("datalist", { id: listId }, consts.map((c) => h("option", { value: optionLabel(c) })));
    const get = () => {
      const text = input.value.trim();
      return text === "" ? null : (text in byLabel ? byLabel[text] : text);
    };
    return { el: h("span", {}, input, datalist), get };
  }
  if (node.enum || "const" in node) {
    const codes = node.enum || [node.const];
    const labels = options || fieldOptions;
    const select = h("select", { class: "w-select" });
    if (nullable || value === null || value === undefined) select.append(h("option", { value: "", text: "（未填）" }));
    for (const code of codes) select.append(h("option", { value: code, text: optionLabel(code, labels) }));
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
      // type=text: the browser never refuses what the judge typed; the server says what is wrong
      const input = h("input", { class: "w-input", type: "text", inputmode: "decimal", autocomplete: "off" });
      input.value = value === null || value === undefined ? "" : String(value);
      return {
        el: input,
        get: () => {
          const text = input.value.trim();
          if (text === "") return null;
          return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
        },
      };
    }
    case "array":
      return arrayWidget(schema, node, value, nullable, fieldOptions, fieldTypes);
    case "object":
      return objectWidget(schema, node, value, nullable, fieldOptions, fieldTypes);
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

function arrayWidget(schema, node, value, nullable, fieldOptions, fieldTypes) {
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
    const widget = objectWidget(schema, items, itemValue, true, fieldOptions, fieldTypes);
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

function objectWidget(schema, node, value, nullable, fieldOptions, fieldTypes) {
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
    // the property's own title first: 立案日期 and 判决日期 share a type, not a name
    const label = SUBFIELD_LABELS[key] || prop.title || resolved.title || resolved.description || key;
    const subOptions = (fieldOptions || {})[key];
    // parts the server reads by their value type (money, date, rate …) are typed as text too
    const subType = (fieldTypes || {})[key] || null;
    const widget = makeWidget(schema, prop, key in current ? current[key] : null, subOptions, subType, null, null);
    fields.push([key, widget]);
    // the label also names the control itself (the table folds the visible labels of parties)
    for (const control of [widget.el, ...widget.el.querySelectorAll("input, select, textarea")]) {
      if (control.matches && control.matches("input, select, textarea") && !control.getAttribute("aria-label")) {
        control.setAttribute("aria-label", label);
        if (control.tagName !== "SELECT" && !control.placeholder) control.placeholder = label;
      }
    }
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
  state.order = [];

  renderMetaBar(schema, view);
  for (const section of schema["x-sections"] || []) {
    const heading = h("h3", { text: section.label, dataset: { section: section.id } });
    container.append(heading);
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
      state.order.push(elementId);
    }
    table.append(body);
    container.append(table);
  }
  applyMessages(view.problems);
  showSummary();
  applyFilter();
}

function renderRow(schema, elementId, fieldSchema, row) {
  const xOptions = fieldSchema["x-options"];
  const xType = fieldSchema["x-type"];
  const tr = h("tr", { class: "element", id: `row-${elementId}`, dataset: { element: elementId, type: xType || "" } });
  const evCount = (row.evidence.complaint || []).length + (row.evidence.answer || []).length;
  const statusCell = h("span", { class: "status-box" });
  // The label is a stop in the keyboard order: ↑/↓ move through the rows shown, Enter goes to the finding.
  const label = h("span", {
    class: "label", tabindex: "0", role: "rowheader", text: fieldSchema.title || elementId,
    onkeydown: (event) => rowKey(event, elementId),
  });
  const unsaved = h("span", { class: "unsaved-flag", text: "未保存", hidden: true });
  const labelCell = h("td", {},
    label,
    fieldSchema["x-required"] ? h("span", { class: "required", title: "必填要素", text: "*" }) : null,
    " ", statusCell, unsaved,
    evCount ? h("span", { class: "ev-count", text: `原文出处 ${evCount} 处` }) : null);
  if (fieldSchema.description) labelCell.title = fieldSchema.description;
  const fieldOptions = row.field_options || {};
  const hint = fieldSchema["x-hint"];

  const fieldTypes = row.field_types || {};
  const complaint = makeWidget(schema, fieldSchema, row.complaint, xOptions, xType, fieldOptions, fieldTypes);
  complaint.el.classList.add("complaint-value");
  const complaintKey = `${elementId}/complaint`;
  watchInput(complaint.el, complaintKey, tr);
  complaint.el.addEventListener("change", () => {
    save({ edits: { elements: { [elementId]: { complaint: complaint.get() } } } }, complaintKey);
  });

  const answerCell = h("td", { class: "answer-cell" });
  const finding = makeWidget(schema, fieldSchema, row.finding, xOptions, xType, fieldOptions, fieldTypes);
  finding.el.classList.add("finding-value");
  if (finding.input) finding.input.setAttribute("aria-describedby", `msg-${elementId} hint-${elementId}`);
  watchInput(finding.el, elementId, tr);
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
  const stored = h("div", { class: "stored", id: `stored-${elementId}` });
  const hintLine = TYPED_SCALARS.has(xType) && hint ? h("div", { class: "hint field-hint", id: `hint-${elementId}`, text: hint }) : null;
  const msg = h("div", { class: "field-msg", id: `msg-${elementId}`, role: "alert" });
  // A fieldset so that, for an assistant, every finding control is disabled at once.
  const findingBox = h("fieldset", { class: "finding-box", disabled: !canFind(), title: canFind() ? null : "只有法官可以认定" },
    finding.el, h("div", { class: "finding-actions" }, adoptButtons, clearButton));
  const findingCell = h("td", { class: "finding-cell" }, findingBox, stored, msg, hintLine);
  tr.append(labelCell, h("td", {}, complaint.el), answerCell, findingCell);
  tr.addEventListener("focusin", () => selectElement(elementId));
  tr.addEventListener("click", () => selectElement(elementId));
  state.rows[elementId] = {
    tr, statusCell, answerCell, msg, stored, unsaved, label, xOptions, xType, finding, complaint, adoptButtons,
  };
  if (state.selected === elementId) tr.classList.add("selected");
  updateRow(elementId, row);
  return tr;
}

// Typing marks a field as not yet saved until the server has stored it (or said why not).
function watchInput(el, key, tr) {
  el.addEventListener("input", () => {
    state.dirty.add(key);
    markUnsaved();
  });
}

function markUnsaved() {
  for (const [id, ref] of Object.entries(state.rows)) {
    const mine = [...state.dirty].some((key) => key === id || key.startsWith(id + "/"));
    ref.unsaved.hidden = !mine;
    ref.tr.classList.toggle("unsaved", mine);
  }
  for (const el of document.querySelectorAll("[data-meta-key]")) {
    el.classList.toggle("unsaved", state.dirty.has("meta:" + el.dataset.metaKey));
  }
  const count = state.dirty.size;
  const badge = $("unsaved-count");
  badge.hidden = count === 0;
  badge.textContent = count ? `${count} 处输入未保存` : "";
}

function isPending(elementId) {
  return Boolean(state.current && (state.current.pending || []).includes(elementId));
}

// Refresh what the server computes (status, the answer's side, the stored value) without rebuilding
// the widgets, so the judge's cursor stays where it is while saves come back.
function updateRow(elementId, row) {
  const ref = state.rows[elementId];
  if (!ref) return;
  const status = row.status;
  ref.tr.classList.toggle("disputed", status === "disputed");
  clear(ref.statusCell);
  ref.statusCell.append(h("span", {
    class: `status status-${status || "none"}`, text: status ? STATUS_LABELS[status] : "未主张",
  }));
  const pending = isPending(elementId);
  ref.tr.classList.toggle("pending", pending);
  if (pending) ref.statusCell.append(h("span", { class: "pending-flag", text: "待认定" }));
  else if (row.decided_by_orders && status === "disputed" && isEmpty(row.finding)) {
    ref.statusCell.append(h("span", { class: "orders-flag", text: "由判决主文裁判" }));
  }
  ref.adoptButtons.hidden = status !== "disputed" && status !== "answer_only";
  clear(ref.answerCell);
  ref.answerCell.append(h("div", { class: "answer-value", text: row.answer_text || "" }));
  if (row.answer_position) {
    ref.answerCell.append(h("span", {
      class: `position position-${row.answer_position}`, text: POSITION_LABELS[row.answer_position] || "",
    }));
  }
  ref.stored.textContent = row.finding_text ? `已认定：${row.finding_text}` : "";
}

// The case details in plain view, one labelled field each (titles from the schema), saved on change.
function renderMetaBar(schema, view) {
  const metaNode = deref(schema, schema.properties.meta);
  const box = $("case-meta");
  clear(box);
  state.metaInputs = {};
  const meta = view.case.meta || {};
  const field = (key, labelText, control, hint) => {
    const id = `meta-${key}`;
    control.id = id;
    control.classList.add("meta-input");
    control.addEventListener("input", () => { state.dirty.add("meta:" + key); markUnsaved(); });
    control.addEventListener("change", () => {
      const value = control.tagName === "SELECT" ? (control.value === "" ? null
        : control.value === "true" ? true : control.value === "false" ? false : control.value)
        : (control.value.trim() === "" ? null : control.value.trim());
      save({ edits: { meta: { [key]: value } } }, "meta:" + key);
    });
    state.metaInputs[key] = control;
    return h("div", { class: "meta-field", dataset: { metaKey: key } },
      h("label", { for: id, text: labelText }), control,
      h("span", { class: "field-msg", id: `msg-meta-${key}`, role: "alert" }),
      hint ? h("span", { class: "hint", text: hint }) : null);
  };
  const caseNumber = h("input", { class: "w-input", placeholder: "如（2024）沪0118民初1234号", autocomplete: "off" });
  caseNumber.value = "";
  box.append(field("case_number", "案号", caseNumber));
  const dependents = [];
  for (const [key, prop] of Object.entries(metaNode.properties || {})) {
    const { node } = unwrap(schema, prop);
    const title = prop.title || node.title || key;
    let control;
    if (node.enum) {
      control = h("select", { class: "w-select" });
      const labels = prop["x-options"] || node["x-options"] || {};
      for (const code of node.enum) control.append(h("option", { value: code, text: labels[code] || optionLabel(code) }));
      control.value = meta[key] || node.default || node.enum[0];
    } else if (node.type === "boolean") {
      control = h("select", { class: "w-select" }, h("option", { value: "true", text: "是" }), h("option", { value: "false", text: "否" }));
      control.value = String(meta[key] === undefined ? node.default !== false : meta[key]);
    } else if ((prop["x-widget"] || node["x-widget"]) === "lines") {
      // One item per line (调解协议条款: a term may hold 、 and commas of its own).
      control = h("textarea", { class: "w-input", rows: 4, autocomplete: "off", placeholder: "每行一条" });
      const value = meta[key];
      control.value = Array.isArray(value) ? value.join("\n") : value ? String(value) : "";
    } else {
      const isDate = key.endsWith("_date");
      control = h("input", {
        class: "w-input", autocomplete: "off",
        placeholder: isDate ? "如 2024-03-05、2024年3月5日" : node.type === "array" ? "多人以顿号分隔" : "",
      });
      const value = meta[key];
      control.value = Array.isArray(value) ? value.join("、") : value === null || value === undefined ? "" : String(value);
    }
    const wrapper = field(key, title, control);
    const when = prop["x-show-when"] || node["x-show-when"];
    if (when) dependents.push({ wrapper, when });
    box.append(wrapper);
  }
  // Fields that belong to one way of ending the case (撤诉申请日期, 调解协议条款) show only while it is chosen.
  const showDependents = () => {
    for (const { wrapper, when } of dependents) {
      wrapper.hidden = !Object.entries(when).every(([k, v]) => {
        const input = state.metaInputs[k];
        return input ? input.value === v : meta[k] === v;
      });
    }
  };
  for (const input of Object.values(state.metaInputs)) input.addEventListener("change", showDependents);
  showDependents();
  showCaseNumber();
}

// The case number as the court writes it, from the year and the serial (shown beside the field).
function showCaseNumber() {
  const meta = (state.current && state.current.case.meta) || {};
  const input = state.metaInputs && state.metaInputs.case_number;
  if (!input) return;
  input.value = "";
  input.placeholder = meta.case_year && meta.case_seq
    ? `（${meta.case_year}）…${meta.case_seq}号（可粘贴完整案号）` : "如（2024）沪0118民初1234号";
}

// Messages next to fields: errors of refused saves (kept until that field is saved) and the case's open problems.
function keyOfPath(path) {
  const parts = (path || "").split("/");
  if (parts[1] === "findings") return parts[2];
  if (parts[1] === "elements") return parts[3] && parts[3] !== "status" ? `${parts[2]}/${parts[3]}` : parts[2];
  if (parts[1] === "meta") return "meta:" + parts[2];
  return null;
}

function messageBox(key) {
  if (!key) return null;
  if (key.startsWith("meta:")) return $(`msg-meta-${key.slice(5)}`);
  const ref = state.rows[key.split("/")[0]];
  return ref ? ref.msg : null;
}

function applyMessages(problems) {
  for (const ref of Object.values(state.rows)) {
    clear(ref.msg);
    ref.tr.classList.remove("invalid");
  }
  for (const el of document.querySelectorAll("#case-meta .field-msg")) clear(el);
  for (const el of document.querySelectorAll("#case-meta .meta-field")) el.classList.remove("invalid");
  const general = $("case-problems");
  clear(general);
  const notes = $("case-notes");
  clear(notes);
  const place = (key, message, cls) => {
    const box = messageBox(key);
    if (box) {
      box.append(h("span", { class: cls, text: message }));
      if (cls === "err") {
        const ref = state.rows[key.split("/")[0]];
        if (ref) ref.tr.classList.add("invalid");
        else box.parentElement.classList.add("invalid");
      }
    } else {
      general.append(h("li", { class: cls, text: message }));
    }
  };
  for (const [key, message] of Object.entries(state.errors)) place(key, message, "err");
  for (const p of problems || []) {
    const key = keyOfPath(p.path);
    if (!(key && state.errors[key])) place(key, p.message, "warn");
  }
  const warnings = (state.current && state.current.warnings) || [];
  for (const w of warnings) notes.append(h("li", { text: w }));
  $("case-notes-count").textContent = String(warnings.length);
  $("case-notes-box").hidden = warnings.length === 0;
}

// ---------------------------------------------------------------------------------------------
// Disputes first: the summary bar, the filters and "next dispute"

function showSummary() {
  const summary = (state.current && state.current.summary) || { disputed: 0, pending: 0, one_side: 0 };
  $("count-disputed").textContent = String(summary.disputed);
  $("count-pending").textContent = String(summary.pending);
  $("count-one-side").textContent = String(summary.one_side);
  $("next-pending").disabled = summary.pending === 0;
}

function rowMatches(elementId, filter) {
  const row = state.current.elements[elementId] || {};
  if (filter === "pending") return isPending(elementId);
  if (filter === "disputed") return row.status === "disputed" || isPending(elementId);
  return true;
}

function applyFilter() {
  const filter = state.filter;
  for (const button of document.querySelectorAll("#dispute-bar .filter")) {
    button.setAttribute("aria-pressed", String(button.dataset.filter === filter));
  }
  for (const [id, ref] of Object.entries(state.rows)) ref.tr.hidden = !rowMatches(id, filter) && id !== state.selected;
  // A section with no row shown keeps neither its heading nor its table header.
  for (const table of document.querySelectorAll("table.elements")) {
    const shown = [...table.querySelectorAll("tr.element")].some((tr) => !tr.hidden);
    table.hidden = !shown;
    const heading = document.querySelector(`#element-table h3[data-section="${table.dataset.section}"]`);
    if (heading) heading.hidden = !shown;
  }
  const empty = $("filter-empty");
  empty.hidden = Object.values(state.rows).some((ref) => !ref.tr.hidden);
}

function setFilter(filter) {
  state.filter = filter;
  applyFilter();
}

function nextPending(step) {
  const pending = state.order.filter((id) => isPending(id));
  if (!pending.length) {
    setStatus("没有待认定的要素");
    return;
  }
  const at = state.selected ? state.order.indexOf(state.selected) : -1;
  const ordered = step > 0 ? pending : pending.slice().reverse();
  const next = ordered.find((id) => (step > 0 ? state.order.indexOf(id) > at : state.order.indexOf(id) < at)) || ordered[0];
  goToRow(next, true);
}

function goToRow(elementId, toFinding) {
  const ref = state.rows[elementId];
  if (!ref) return;
  selectElement(elementId);
  applyFilter();
  if (state.narrow()) showPane("table");
  ref.tr.scrollIntoView({ block: "center", behavior: "instant" });
  const target = toFinding && canFind() ? ref.tr.querySelector(".finding-value input, input.finding-value, .finding-value select, select.finding-value, .finding-value textarea, textarea.finding-value") : null;
  (target || ref.label).focus();
}

// ↑/↓ on a row's label move to the previous/next row shown; Enter goes to its finding.
function rowKey(event, elementId) {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp" && event.key !== "Enter") return;
  event.preventDefault();
  if (event.key === "Enter") {
    goToRow(elementId, true);
    return;
  }
  const shown = state.order.filter((id) => !state.rows[id].tr.hidden);
  const at = shown.indexOf(elementId);
  const next = shown[at + (event.key === "ArrowDown" ? 1 : -1)];
  if (next) goToRow(next, false);
}

// ---------------------------------------------------------------------------------------------
// Saving

function save(patch, key, rebuild) {
  // Saves go one at a time, each on top of the version the previous one produced.
  state.saving = state.saving.then(() => doSave(patch, key, rebuild)).catch(() => {});
  return state.saving;
}

async function doSave(patch, key, rebuild) {
  const view = state.current;
  if (!view) return;
  setStatus("保存中…");
  try {
    const body = { version: view.version, findings: patch.findings || {}, edits: patch.edits || {} };
    const updated = withPleadings(await api("PATCH", `/api/cases/${encodeURIComponent(view.id)}`, body), view);
    state.current = updated;
    if (key) {
      delete state.errors[key];
      state.dirty.delete(key);
    }
    for (const [id, row] of Object.entries(updated.elements)) updateRow(id, row);
    showBack(key, updated);
    if (rebuild) {
      // The value was set by a button, not typed: rebuild the table so the widgets show it.
      const scroll = $("table-pane").scrollTop;
      renderTable();
      $("table-pane").scrollTop = scroll;
    }
    applyMessages(updated.problems);
    showSummary();
    markUnsaved();
    showHeader();
    if (updated.unchanged) {
      setStatus(`没有改动，未生成新版本（版本 ${updated.version}）`);
      return;
    }
    setStatus(`已保存（版本 ${updated.version}，${updated.saved_by}）`);
    refreshPreview();
    refreshHistory();
    loadCaseList();
  } catch (error) {
    if (error.status === 409) {
      setStatus(error.message, true);
      showConflict(error.message);
    } else if (error.status === 422 && Array.isArray(error.data && error.data.detail)) {
      // This field's error replaces its previous one; other fields keep theirs.
      if (key) delete state.errors[key];
      for (const item of error.data.detail) {
        const at = keyOfPath(item.path) || key;
        state.errors[at] = state.errors[at] ? `${state.errors[at]}；${item.message}` : item.message;
      }
      applyMessages(view.problems);
      markUnsaved();
      setStatus("未保存：" + error.message, true);
    } else {
      setStatus("保存失败：" + error.message, true);
    }
  }
}

// After a save, the field shows what was stored (9.5万元 → 95000.00), not what was typed.
function showBack(key, view) {
  if (!key) return;
  if (key.startsWith("meta:")) {
    const name = key.slice(5);
    const input = state.metaInputs && state.metaInputs[name];
    const meta = view.case.meta || {};
    if (name === "case_number") showCaseNumber();
    else if (input && input.tagName !== "SELECT") {
      const value = meta[name];
      const joiner = input.tagName === "TEXTAREA" ? "\n" : "、";
      input.value = Array.isArray(value) ? value.join(joiner) : value === null || value === undefined ? "" : String(value);
    }
    if (name === "case_number") {
      for (const part of ["case_year", "case_seq"]) {
        const field = state.metaInputs[part];
        if (field) field.value = meta[part] === null || meta[part] === undefined ? "" : String(meta[part]);
      }
    }
    return;
  }
  const [elementId, side] = key.split("/");
  const ref = state.rows[elementId];
  const row = view.elements[elementId];
  if (!ref || !row) return;
  const widget = side === "complaint" ? ref.complaint : ref.finding;
  if (widget && widget.set) widget.set(side === "complaint" ? row.complaint : row.finding);
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
    fillPrintCopy(html);
    $("preview-version").textContent = `版本 ${version} · ${courtName(court)}`;
  } catch (e) {
    error.textContent = "无法生成预览：" + e.message;
  }
}

// What printing prints: the judgment alone (the page's print stylesheet hides the app). The HTML is
// the server's own rendering with every value escaped; it is parsed, never run (no script may run
// under this page's CSP either), and its nodes are copied in.
function fillPrintCopy(html) {
  const copy = $("print-copy");
  clear(copy);
  const parsed = new DOMParser().parseFromString(html, "text/html");
  for (const node of [...parsed.body.childNodes]) {
    if (node.nodeName === "SCRIPT") continue;
    copy.append(document.importNode(node, true));
  }
  for (const el of copy.querySelectorAll("script, iframe, object, embed")) el.remove();
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
        // old_text/new_text are the server's words for the values (labels, never codes)
        const before = change.old_text !== undefined ? change.old_text : formatValue(change.old);
        const after = change.new_text !== undefined ? change.new_text : formatValue(change.new);
        const text = change.path === "/" || change.path === "/signed" ? change.label
          : `${change.label}：${before || "（空）"} → ${after || "（空）"}`;
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
  if (state.narrow()) showPane("table");
  if (ref.tr.hidden) setFilter("all");
  ref.tr.scrollIntoView({ block: "center", behavior: "instant" });
  selectElement(elementId);
}

// On narrow screens the three panes are tabs; at medium width the table stays and the
// pleading and the preview share the right-hand column.
function showPane(pane) {
  state.pane = pane;
  $("panes").dataset.pane = pane;
  for (const tab of document.querySelectorAll("#pane-tabs [role=tab]")) {
    tab.setAttribute("aria-selected", String(tab.dataset.pane === pane));
  }
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
    state.errors = {};
    state.dirty = new Set();
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

// The case details asked at upload (labels are the schema's titles, set when the type is chosen).
const UPLOAD_META = ["filing_date", "case_number", "procedure", "judge", "clerk", "assistant", "judgment_date", "absent"];

async function labelUploadForm() {
  try {
    const schema = await schemaFor($("new-case-type").value);
    const meta = deref(schema, schema.properties.meta);
    for (const key of UPLOAD_META) {
      const prop = (meta.properties || {})[key];
      const label = document.querySelector(`label[for="new-${key}"] .label-text`);
      if (prop && prop.title && label) label.textContent = prop.title;
    }
  } catch (e) { /* the labels in the page stay */ }
}

async function createCase(event, allowDuplicate) {
  if (event) event.preventDefault();
  const error = $("new-case-error");
  error.textContent = "";
  clear($("duplicate-actions"));
  $("duplicate-actions").hidden = true;
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
  for (const key of UPLOAD_META) {
    const value = ($(`new-${key}`).value || "").trim();
    if (value) form.append(key, value);
  }
  if (allowDuplicate) form.append("allow_duplicate", "true");
  $("new-case-submit").disabled = true;
  setStatus("正在抽取要素…");
  try {
    const view = await api("POST", "/api/cases", form);
    $("new-case-form").reset();
    location.hash = `case=${encodeURIComponent(view.id)}`;
    await openCase(view.id);
  } catch (e) {
    if (e.status === 409 && e.data && e.data.existing_case) {
      // The same complaint was uploaded before: open that case, or make a new one anyway.
      error.textContent = e.message;
      const actions = $("duplicate-actions");
      actions.hidden = false;
      actions.append(
        h("button", { type: "button", id: "open-existing", class: "w-btn", text: "打开已有案件",
          onclick: () => { $("new-case-form").reset(); actions.hidden = true; error.textContent = "";
            location.hash = `case=${encodeURIComponent(e.data.existing_case)}`; } }),
        h("button", { type: "button", id: "create-anyway", class: "w-btn", text: "仍然新建",
          onclick: () => createCase(null, true) }));
      setStatus("这份起诉状已上传过", true);
    } else if (e.status === 422 && e.data && Array.isArray(e.data.detail)) {
      error.textContent = e.data.detail.map((d) => d.message).join("\n");
      setStatus("新建案件失败", true);
    } else {
      error.textContent = e.message;
      setStatus("新建案件失败", true);
    }
  } finally {
    $("new-case-submit").disabled = false;
  }
}

// The browser's own messages for required fields, in Chinese whatever its language.
function chineseValidity(form) {
  for (const control of form.querySelectorAll("input, select, textarea")) {
    control.addEventListener("invalid", () => {
      const label = control.closest("label");
      const name = label ? (label.querySelector(".label-text") || label).textContent.trim().split(/\s/)[0] : "此项";
      if (control.validity.valueMissing) {
        control.setCustomValidity(control.type === "file" ? `请选择${name}文件` : `请填写${name}`);
      } else {
        control.setCustomValidity(`${name}的格式不正确`);
      }
    });
    const reset = () => control.setCustomValidity("");
    control.addEventListener("input", reset);
    control.addEventListener("change", reset);
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
  $("new-case-form").addEventListener("submit", (event) => createCase(event, false));
  $("new-case-type").addEventListener("change", labelUploadForm);
  labelUploadForm();
  chineseValidity($("new-case-form"));
  for (const name of document.querySelectorAll(".file-name")) {
    const input = $(name.dataset.for);
    const show = () => { name.textContent = input.files.length ? input.files[0].name : "未选择文件"; };
    input.addEventListener("change", show);
    $("new-case-form").addEventListener("reset", () => setTimeout(show, 0));
  }
  for (const button of document.querySelectorAll("#dispute-bar .filter")) {
    button.addEventListener("click", () => setFilter(button.dataset.filter));
  }
  $("next-pending").addEventListener("click", () => nextPending(1));
  document.addEventListener("keydown", (event) => {
    // Alt+N / Alt+Shift+N: the next / previous element waiting for a finding, from anywhere.
    if (event.altKey && !event.ctrlKey && !event.metaKey && (event.key === "n" || event.key === "N" || event.code === "KeyN")) {
      if (!state.current) return;
      event.preventDefault();
      nextPending(event.shiftKey ? -1 : 1);
    }
  });
  for (const tab of document.querySelectorAll("#pane-tabs [role=tab]")) {
    tab.addEventListener("click", () => showPane(tab.dataset.pane));
  }
  showPane(state.pane);
  $("print-judgment").addEventListener("click", () => window.print());
  window.addEventListener("beforeprint", () => {
    if (!$("print-copy").childNodes.length) $("print-copy").textContent = "判决书预览尚未生成。";
  });
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
