// The page around the predictor: a form of the inputs, the prediction with its probabilities,
// in Bahasa Indonesia or English. Everything from the data is set as text, never as HTML.
let lang = navigator.language && navigator.language.toLowerCase().startsWith("en") ? "en" : "id";

function word(key, args = {}) {
  let text = (WORDS[lang] && WORDS[lang][key]) || key;
  for (const [name, value] of Object.entries(args)) text = text.replaceAll("{" + name + "}", () => value);
  return text;
}

function element(tag, text, attributes = {}) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [name, value] of Object.entries(attributes)) e.setAttribute(name, value);
  return e;
}

// By column name, without Object's own keys (a column may be named "constructor").
const values = Object.create(null);
const MAX_CHOICES = /*MAX_CHOICES*/;
for (const input of recipe.inputs) values[input.column] = input.value;

function drawFields() {
  const fields = document.getElementById("fields");
  fields.replaceChildren();
  recipe.inputs.forEach((input, i) => {
    const id = "field-" + i;
    fields.append(element("label", input.column, { for: id }));
    let control;
    // The notebook lists at most MAX_CHOICES categories: a list that long may be cut, so it is
    // a text field that suggests them, where any category can still be typed.
    if (!input.numeric && input.choices.length >= MAX_CHOICES) {
      control = element("input", undefined, { id, type: "text", list: id + "-choices" });
      const list = element("datalist", undefined, { id: id + "-choices" });
      for (const choice of input.choices) list.append(element("option", undefined, { value: choice }));
      fields.append(list);
    } else if (!input.numeric && input.choices.length > 0) {
      control = element("select", undefined, { id });
      control.append(element("option", word("page-missing-choice"), { value: "" }));
      for (const choice of input.choices) control.append(element("option", choice, { value: choice }));
    } else {
      control = element("input", undefined, { id, type: "text" });
      if (input.numeric) {
        control.setAttribute("inputmode", "decimal");
        control.setAttribute("aria-describedby", "number-hint");
      }
    }
    control.value = values[input.column];
    control.addEventListener("input", () => (values[input.column] = control.value));
    control.addEventListener("change", () => (values[input.column] = control.value));
    fields.append(control);
  });
  fields.append(element("p", word("page-number-hint"), { id: "number-hint" }));
}

function percent(p) {
  return new Intl.NumberFormat(lang === "id" ? "id-ID" : "en-GB", {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(p);
}

function show() {
  const result = document.getElementById("result");
  result.replaceChildren();
  let prediction;
  try {
    prediction = predict(values);
  } catch (e) {
    const d = e.details || {};
    const text =
      e.key === "not-number"
        ? word("page-error-not-number", { column: d.column, value: d.value })
        : e.key === "missing"
          ? word("page-error-missing", { columns: d.columns.join(", ") })
          : e.key === "log-domain"
            ? word("page-error-log-domain", { column: d.column, value: String(d.value) })
            : word("page-error-other", { detail: String(e.message) });
    result.append(element("p", text, { class: "error", role: "alert" }));
    return;
  }
  result.append(element("h2", word("page-result")));
  if ("number" in prediction) {
    const shown = new Intl.NumberFormat(lang === "id" ? "id-ID" : "en-GB", {
      maximumFractionDigits: 4,
    }).format(prediction.number);
    result.append(element("p", recipe.target + ": " + shown, { class: "answer", "data-value": String(prediction.number) }));
    return;
  }
  result.append(element("p", recipe.target + ": " + prediction.class, { class: "answer" }));
  const table = element("table");
  table.append(element("caption", word("page-probabilities")));
  const head = element("tr");
  head.append(element("th", word("page-class"), { scope: "col" }), element("th", word("page-probability"), { scope: "col" }));
  table.append(head);
  recipe.classes.forEach((c, i) => {
    const row = element("tr");
    const p = prediction.probabilities[i];
    row.append(element("th", c, { scope: "row" }), element("td", percent(p), { "data-value": String(p) }));
    table.append(row);
  });
  result.append(table);
}

function drawWords() {
  document.documentElement.lang = lang;
  document.title = word("page-title", { target: recipe.target });
  document.getElementById("title").textContent = word("page-title", { target: recipe.target });
  document.getElementById("intro").textContent = word("page-intro");
  document.getElementById("predict").textContent = word("page-predict");
  document.getElementById("switch").textContent = word("page-switch");
  document.getElementById("switch").setAttribute("lang", lang === "id" ? "en" : "id");
  const about = document.getElementById("about");
  about.replaceChildren();
  about.append(element("p", word("page-model", { model: ABOUT.model, rows: String(ABOUT.test_rows) })));
  const scores = element("ul");
  for (const [name, value] of Object.entries(ABOUT.test_scores)) {
    const shown = new Intl.NumberFormat(lang === "id" ? "id-ID" : "en-GB", { maximumFractionDigits: 3 }).format(value);
    scores.append(element("li", word("page-score-" + name) + ": " + shown));
  }
  about.append(scores);
  if (ABOUT.notebook) {
    const p = element("p");
    p.append(element("a", word("page-source"), { href: ABOUT.notebook }));
    about.append(p);
  }
  drawFields();
  if (document.getElementById("result").childElementCount > 0) show();
}

document.getElementById("form").addEventListener("submit", (event) => {
  event.preventDefault();
  show();
});
document.getElementById("switch").addEventListener("click", () => {
  lang = lang === "id" ? "en" : "id";
  drawWords();
});
drawWords();
