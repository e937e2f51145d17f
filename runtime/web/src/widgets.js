// Widget elements → DOM. A widget reports through the render context:
//   ctx.trigger(node)         a click (button, form submit, download)
//   ctx.change(node, value)   a committed value (change / Enter / blur / slider release)
//   ctx.shown(node)           the value to show (a form's held value, else node.value)
//   ctx.submitForm(formId)    Enter in a form's text or number input
// Inputs commit once per change, never per keystroke, and never the same value twice.

import { h } from "./dom.js";
import { field, helpIcon, labelFor, visibilityOf } from "./frame.js";
import { classes, iconText, pixels } from "./look.js";
import { renderInlineMarkdown } from "./markdown.js";
import { dataEditor } from "./table.js";
import { formatNumber, parseNumber, sliderScale, toColorInput } from "./values.js";
import { isReplacing, setBase } from "./preserve.js";

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// A browser sends change and blur to an edited field it removes: during a rerender
// (isReplacing) those are not the reader's, and commit nothing.
function committer(node, ctx, initial, onCommit = null) {
  let last = initial;
  return (value) => {
    if (isReplacing() || same(value, last)) return;
    last = value;
    onCommit?.(value);
    ctx.change(node, value);
  };
}

/** An icon before a control or its label, as text (see iconText). */
function iconSpan(node, ctx, cls = "st-icon") {
  const icon = iconText(node.icon);
  return icon ? h(ctx.doc, "span", { class: cls, "aria-hidden": "true", text: icon }) : null;
}

// A button's look: kind, icon (left or right), width (use_container_width: the line), a
// keyboard shortcut shown as a hint and announced to screen readers, wrapping, help.
function button(node, ctx) {
  const kind = ["primary", "secondary", "tertiary"].includes(node.kind) ? node.kind : "secondary";
  const icon = iconSpan(node, ctx, "st-button-icon");
  const shortcut = typeof node.shortcut === "string" && node.shortcut ? node.shortcut : null;
  const el = h(ctx.doc, "button", {
    type: "button",
    class: classes("st-button", `st-kind-${kind}`, node.type === "download_button" && "st-download",
      node.use_container_width === true && "st-full-width", node.wrap === false && "st-nowrap"),
    style: pixels(node.width) ? `width: ${pixels(node.width)}; max-width: 100%` : null,
    disabled: Boolean(node.disabled),
    title: node.help ?? null,
    "aria-keyshortcuts": shortcut,
    onclick: () => {
      if (node.type === "download_button") download(node, ctx);
      ctx.trigger(node);
    },
  }, [
    node.type === "download_button" ? h(ctx.doc, "span", { "aria-hidden": "true", text: "↓ " }) : null,
    node.icon_position === "right" ? null : icon,
    renderInlineMarkdown(node.label ?? "", ctx.doc),
    node.icon_position === "right" ? icon : null,
    shortcut ? h(ctx.doc, "kbd", { class: "st-shortcut", "aria-hidden": "true", text: shortcut }) : null,
  ]);
  const full = node.use_container_width === true || node.width === "stretch";
  return h(ctx.doc, "div", { class: classes("st-widget", `st-${node.type}`, full && "st-stretch") }, [el]);
}

// The file is made in the page from what the script passed (text, or bytes as base64);
// served as a plain download (octet-stream), so the browser never renders it.
function download(node, ctx) {
  const view = ctx.doc.defaultView ?? globalThis;
  let content;
  if (typeof node.data_base64 === "string") {
    content = Uint8Array.from(view.atob(node.data_base64), (c) => c.charCodeAt(0));
  } else if (typeof node.data === "string") {
    content = node.data;
  } else {
    return;
  }
  const url = view.URL.createObjectURL(new view.Blob([content], { type: "application/octet-stream" }));
  const link = h(ctx.doc, "a", { href: url, download: node.file_name || "download", hidden: true });
  ctx.doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => view.URL.revokeObjectURL(url), 10_000);
}

function checkbox(node, ctx) {
  const toggle = node.type === "toggle";
  const input = h(ctx.doc, "input", {
    type: "checkbox",
    role: toggle ? "switch" : null,
    class: toggle ? "st-switch" : "st-checkbox-input",
    checked: Boolean(ctx.shown(node)),
    disabled: Boolean(node.disabled),
    onchange: () => ctx.change(node, input.checked),
  });
  const text = h(ctx.doc, "span", { class: `st-label st-label-${visibilityOf(node)}` }, [
    renderInlineMarkdown(node.label ?? "", ctx.doc),
    helpIcon(node, ctx),
  ]);
  return field(node, ctx, null, h(ctx.doc, "label", { class: "st-check" }, [input, text]));
}

function textInput(node, ctx) {
  const id = ctx.uid();
  const multiline = node.type === "text_area";
  const shown = ctx.shown(node) ?? "";
  // The base is what the field shows without the reader's uncommitted typing (preserve.js).
  const commit = committer(node, ctx, shown, (value) => setBase(input, value));
  // Not sent: a blank value of a required field outside a form (the last value stays, as in
  // Streamlit), and a value the browser finds invalid (validate=, or an email or url field).
  const send = (value) => {
    if (node.required === true && !node.form_id && !value.trim()) return;
    if (input.validity && !input.validity.valid) {
      input.reportValidity?.();
      return;
    }
    commit(value);
  };
  const pause = livePause(node.live);
  let typing = null;
  const height = pixels(node.height);
  const input = h(ctx.doc, multiline ? "textarea" : "input", {
    id,
    type: multiline ? null : inputType(node),
    class: "st-input",
    rows: multiline ? (height ? Math.max(2, Math.round(node.height / 24)) : 3) : null,
    style: multiline && height ? `height: ${height}` : null,
    value: shown,
    placeholder: node.placeholder ?? null,
    maxlength: typeof node.max_chars === "number" ? node.max_chars : null,
    disabled: Boolean(node.disabled),
    required: node.required === true,
    pattern: multiline ? null : patternOf(node.validate),
    title: Array.isArray(node.validate) && typeof node.validate[1] === "string" ? node.validate[1] : null,
    autocomplete: typeof node.autocomplete === "string" && node.autocomplete ? node.autocomplete : "off",
    spellcheck: "false",
    onchange: () => send(input.value),
    // A rerender may have put back typing the reader had not committed: blur commits it.
    onblur: () => send(input.value),
    // live=: commit after a pause in typing.
    oninput: pause === null ? null : () => {
      clearTimeout(typing);
      typing = setTimeout(() => send(input.value), pause);
    },
    onkeydown: (event) => {
      const submit = multiline ? event.key === "Enter" && (event.ctrlKey || event.metaKey) : event.key === "Enter";
      if (!submit || event.isComposing) return;
      send(input.value);
      if (node.form_id && enterSubmits(input)) ctx.submitForm(node.form_id); // Enter submits a form, as in Streamlit
    },
  });
  setBase(input, shown);
  return field(node, ctx, labelFor(node, ctx, { forId: id }), withIcon(node, ctx, input));
}

/** Enter in a form's field submits the form, unless the form was made with enter_to_submit=False. */
function enterSubmits(el) {
  for (let n = el.parentNode; n; n = n.parentNode) {
    if (n.classList?.contains("st-form")) return n.getAttribute("data-enter-to-submit") !== "false";
  }
  return true;
}

/** `live`: False (commit on Enter or leaving the field), True (after 250 ms without typing) or "500ms", "1s". */
export function livePause(live) {
  if (live === true) return 250;
  const m = typeof live === "string" ? /^\s*(\d+(?:\.\d+)?)\s*(ms|s)\s*$/.exec(live) : null;
  return m ? Number(m[1]) * (m[2] === "s" ? 1000 : 1) : null;
}

// `input_type` because `type` already names the element in the tree.
const INPUT_TYPES = { password: "password", email: "email", url: "url", phone: "tel", search: "search" };
const inputType = (node) => INPUT_TYPES[node.input_type] ?? "text";

/** `validate`: a regular expression (or one with its message) the browser checks the input against. */
function patternOf(validate) {
  const pattern = Array.isArray(validate) ? validate[0] : validate;
  return typeof pattern === "string" && pattern ? pattern : null;
}

/** A control with its `icon` inside, before the text. */
function withIcon(node, ctx, control) {
  const icon = iconSpan(node, ctx, "st-input-icon");
  return icon ? h(ctx.doc, "div", { class: "st-input-with-icon" }, [icon, control]) : control;
}

function numberInput(node, ctx) {
  const id = ctx.uid();
  const shown = ctx.shown(node);
  const commit = committer(node, ctx, shown ?? null, (n) => setBase(input, n === null ? "" : String(n)));
  let last = shown ?? null;
  const read = () => {
    const n = parseNumber(input.value, node);
    if (n === undefined) {
      input.value = last === null ? "" : String(last); // not a number: put back what was there
      return;
    }
    last = n;
    if (n !== null && String(n) !== input.value) input.value = String(n);
    commit(n);
  };
  const input = h(ctx.doc, "input", {
    id,
    type: "number",
    class: "st-input",
    inputmode: node.data_type === "int" ? "numeric" : "decimal",
    value: shown === null || shown === undefined ? "" : String(shown),
    min: node.min ?? null,
    max: node.max ?? null,
    step: node.step ?? (node.data_type === "int" ? 1 : "any"),
    placeholder: node.placeholder ?? null,
    disabled: Boolean(node.disabled),
    required: node.required === true,
    onchange: read,
    onblur: read, // commits typing a rerender put back (see textInput)
    onkeydown: (event) => {
      if (event.key !== "Enter") return;
      read();
      if (node.form_id && enterSubmits(input)) ctx.submitForm(node.form_id);
    },
  });
  setBase(input, input.value);
  return field(node, ctx, labelFor(node, ctx, { forId: id }), withIcon(node, ctx, input));
}

/** Sliders and select sliders: one range input per end, committed on release. */
function rangeWidget(node, ctx, { min, max, step, toNumber, fromNumber, format }) {
  const labelId = ctx.uid();
  const shown = ctx.shown(node);
  const isRange = Array.isArray(shown);
  const commit = committer(node, ctx, shown);
  const readout = h(ctx.doc, "output", { class: "st-slider-value" });
  const current = () => inputs.map((input) => fromNumber(Number(input.value)));
  const show = () => {
    readout.textContent = current().map(format).join(" – ");
  };
  const inputs = (isRange ? shown : [shown]).map((value, part) => {
    const input = h(ctx.doc, "input", {
      type: "range",
      class: "st-range",
      min,
      max,
      step,
      value: String(toNumber(value ?? fromNumber(min))),
      disabled: Boolean(node.disabled),
      "aria-labelledby": labelId,
      oninput: () => {
        // Keep the two ends of a range in order while the reader drags.
        if (isRange && Number(inputs[0].value) > Number(inputs[1].value)) {
          inputs[1 - part].value = input.value;
        }
        show();
      },
      onchange: () => {
        commit(isRange ? current() : current()[0]);
        // Sent: from now on the script's answer decides where the thumb is (it may set it back).
        for (const each of inputs) setBase(each, each.value);
      },
    });
    return input;
  });
  show();
  for (const input of inputs) setBase(input, input.value);
  const track = h(ctx.doc, "div", { class: `st-slider-track${isRange ? " st-slider-range" : ""}` }, inputs);
  return field(node, ctx, labelFor(node, ctx, { id: labelId }), h(ctx.doc, "div", { class: "st-slider" }, [readout, track]));
}

function slider(node, ctx) {
  const scale = sliderScale(node);
  const format = (value) => formatNumber(value, node.format);
  return rangeWidget(node, ctx, {
    min: scale.toNumber(node.min ?? 0),
    max: scale.toNumber(node.max ?? 100),
    step: scale.step,
    toNumber: scale.toNumber,
    fromNumber: scale.fromNumber,
    format,
  });
}

function selectSlider(node, ctx) {
  const options = node.options ?? [];
  return rangeWidget(node, ctx, {
    min: 0,
    max: Math.max(0, options.length - 1),
    step: 1,
    toNumber: Number,
    fromNumber: Math.round,
    format: (index) => String(options[index] ?? ""),
  });
}

function selectbox(node, ctx) {
  const id = ctx.uid();
  const shown = ctx.shown(node);
  const commit = committer(node, ctx, shown ?? null);
  const options = (node.options ?? []).map((text, index) =>
    h(ctx.doc, "option", { value: String(index), selected: index === shown, text: String(text) }),
  );
  if (shown === null || shown === undefined) {
    const placeholder = node.placeholder || ctx.t("chooseOption");
    options.unshift(h(ctx.doc, "option", { value: "", selected: true, disabled: true, text: placeholder }));
  }
  const select = h(ctx.doc, "select", {
    id,
    class: "st-input st-select",
    disabled: Boolean(node.disabled),
    required: node.required === true,
    onchange: () => commit(select.value === "" ? null : Number(select.value)),
  }, options);
  return field(node, ctx, labelFor(node, ctx, { forId: id }), withIcon(node, ctx, select));
}

function radio(node, ctx) {
  const labelId = ctx.uid();
  const name = ctx.uid();
  const shown = ctx.shown(node);
  const choices = (node.options ?? []).map((text, index) => {
    const input = h(ctx.doc, "input", {
      type: "radio",
      name,
      value: String(index),
      checked: index === shown,
      disabled: Boolean(node.disabled),
      onchange: () => {
        if (input.checked) ctx.change(node, index);
      },
    });
    const caption = Array.isArray(node.captions) && node.captions[index]
      ? h(ctx.doc, "span", { class: "st-choice-caption" }, [renderInlineMarkdown(String(node.captions[index]), ctx.doc)])
      : null;
    return h(ctx.doc, "label", { class: "st-check" }, [
      input,
      h(ctx.doc, "span", {}, [renderInlineMarkdown(String(text), ctx.doc), caption]),
    ]);
  });
  const group = h(ctx.doc, "div", {
    class: `st-choices${node.horizontal ? " st-horizontal" : ""}`,
    role: "radiogroup",
    "aria-labelledby": labelId,
  }, choices);
  return field(node, ctx, labelFor(node, ctx, { id: labelId }), group);
}

function multiselect(node, ctx) {
  const labelId = ctx.uid();
  // Selection order is kept, as Streamlit keeps it: a new pick goes last.
  let selected = [...(ctx.shown(node) ?? [])];
  const max = typeof node.max_selections === "number" ? node.max_selections : Infinity;
  // At max_selections, the options not chosen are disabled until one is removed.
  const limit = () => {
    for (const input of inputs) input.disabled = Boolean(node.disabled) || (!input.checked && selected.length >= max);
  };
  const inputs = (node.options ?? []).map((text, index) => {
    const input = h(ctx.doc, "input", {
      type: "checkbox",
      class: "st-chip-input",
      checked: selected.includes(index),
      onchange: () => {
        selected = input.checked ? [...selected.filter((i) => i !== index), index] : selected.filter((i) => i !== index);
        limit();
        ctx.change(node, [...selected]);
      },
    });
    return input;
  });
  limit();
  const chips = inputs.map((input, index) =>
    h(ctx.doc, "label", { class: "st-chip" }, [input, h(ctx.doc, "span", { text: String(node.options[index]) })]),
  );
  const group = h(ctx.doc, "div", { class: "st-chips", role: "group", "aria-labelledby": labelId }, chips);
  const hint = !selected.length && typeof node.placeholder === "string" && node.placeholder
    ? h(ctx.doc, "div", { class: "st-placeholder", text: node.placeholder })
    : null;
  return field(node, ctx, labelFor(node, ctx, { id: labelId }), [hint, group, selectAll(node, ctx, selected, max)]);
}

/** select_all: a button that picks every option not yet picked (True: always; a number: up to that many). */
function selectAll(node, ctx, selected, max) {
  const rest = (node.options ?? []).map((_, index) => index).filter((index) => !selected.includes(index));
  const most = node.select_all === true ? Infinity : typeof node.select_all === "number" ? node.select_all : 0;
  if (node.disabled || !rest.length || rest.length > most || selected.length + rest.length > max) return null;
  return h(ctx.doc, "button", {
    type: "button", class: "st-tool st-select-all", text: ctx.t("selectAll"),
    onclick: () => ctx.change(node, [...selected, ...rest]),
  });
}

/** date_input, time_input and color_picker: native pickers, committed on change. */
function picker(inputType) {
  return (node, ctx) => {
    const labelId = ctx.uid();
    const shown = ctx.shown(node);
    const isRange = Array.isArray(shown);
    const commit = committer(node, ctx, shown ?? null);
    const read = () => {
      const values = inputs.map((input) => input.value || null);
      commit(isRange ? values.filter((v) => v !== null) : values[0]);
    };
    const inputs = (isRange ? [shown[0], shown[1]] : [shown]).map((value, part) =>
      h(ctx.doc, "input", {
        type: inputType,
        class: `st-input st-${inputType}`,
        value: inputType === "color" ? toColorInput(value) : value ?? "",
        min: node.min ?? null,
        max: node.max ?? null,
        step: inputType === "time" ? node.step ?? null : null,
        disabled: Boolean(node.disabled),
        required: node.required === true,
        "aria-labelledby": labelId,
        onchange: read,
      }),
    );
    const readout = inputType === "color" ? h(ctx.doc, "code", { class: "st-color-value", text: String(shown ?? "") }) : null;
    const row = h(ctx.doc, "div", { class: "st-picker-row" }, [inputs[0], isRange ? "–" : null, inputs[1] ?? null, readout]);
    return field(node, ctx, labelFor(node, ctx, { id: labelId }), row);
  };
}

function fileUploader(node, ctx) {
  const note = h(ctx.doc, "div", { class: "st-dropzone", "aria-disabled": "true", text: ctx.t("uploadsUnavailable") });
  return field({ ...node, disabled: true }, ctx, labelFor(node, ctx), note);
}

export const WIDGETS = {
  button,
  form_submit_button: button,
  download_button: button,
  checkbox,
  toggle: checkbox,
  text_input: textInput,
  text_area: textInput,
  number_input: numberInput,
  slider,
  select_slider: selectSlider,
  selectbox,
  radio,
  multiselect,
  date_input: picker("date"),
  time_input: picker("time"),
  color_picker: picker("color"),
  file_uploader: fileUploader,
  data_editor: dataEditor,
};
