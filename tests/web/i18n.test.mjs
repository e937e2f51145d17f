import assert from "node:assert/strict";
import { test } from "node:test";

import { LABELS, pickLanguage, translator } from "../../runtime/web/src/i18n.js";

const GLOSSARY = {
  run: ["Run", "运行", "実行"],
  reset: ["Reset", "重置", "リセット"],
  copyLink: ["Copy link", "复制链接", "リンクをコピー"],
  loading: ["Loading Python…", "正在加载 Python…", "Python を読み込み中…"],
  output: ["Output", "输出", "出力"],
  stop: ["Stop", "停止", "停止"],
  matches: ["Matches the docs", "与文档一致", "ドキュメントと一致"],
  mismatch: ["Does not match the docs", "与文档不一致", "ドキュメントと不一致"],
  traceback: ["Traceback", "回溯", "トレースバック"],
  liveExample: ["live example", "交互式示例", "ライブサンプル"],
};

test("glossary terms use the glossary's exact wording", () => {
  for (const [key, [en, zh, ja]] of Object.entries(GLOSSARY)) {
    assert.equal(LABELS.en[key], en, key);
    assert.equal(LABELS.zh[key], zh, key);
    assert.equal(LABELS.ja[key], ja, key);
  }
});

test("every label exists in every language, with the same placeholders", () => {
  for (const lang of ["zh", "ja"]) {
    assert.deepEqual(Object.keys(LABELS[lang]).sort(), Object.keys(LABELS.en).sort(), lang);
    for (const [key, english] of Object.entries(LABELS.en)) {
      const names = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      assert.deepEqual(names(LABELS[lang][key]), names(english), `${lang}.${key}`);
    }
  }
});

test("no English leaks into the zh and ja labels", () => {
  // Names that stay as they are in every language.
  const allowed = new Set(["Python", "Streamlit", "HTML", "Ctrl", "Enter", "Esc", "Tab", "Z"]);
  for (const lang of ["zh", "ja"]) {
    for (const [key, label] of Object.entries(LABELS[lang])) {
      const words = label.replace(/\{\w+\}/g, "").match(/[A-Za-z]+/g) ?? [];
      assert.deepEqual(words.filter((w) => !allowed.has(w)), [], `${lang}.${key}: ${label}`);
    }
  }
});

test("one verb for an on-screen button in each language, another for a key", () => {
  const buttons = [LABELS.en.run, LABELS.en.stop, LABELS.en.reset, LABELS.en.retry].join("|");
  for (const [key, label] of Object.entries(LABELS.en)) {
    assert.doesNotMatch(label, new RegExp(`\\b(press|tap|hit) (${buttons})\\b`, "i"), `en.${key}`);
  }
  for (const [key, label] of Object.entries(LABELS.zh)) {
    assert.doesNotMatch(label, /(按|单击|点按)“/, `zh.${key}: 点击 for a button`);
  }
  for (const [key, label] of Object.entries(LABELS.ja)) {
    assert.doesNotMatch(label, /クリック|タップ/, `ja.${key}: 押す for a button`);
  }
  assert.match(LABELS.zh.editorHint, /按 Esc/);
});

test("pickLanguage reads <html lang> and falls back to English", () => {
  assert.equal(pickLanguage("zh"), "zh");
  assert.equal(pickLanguage("zh-CN"), "zh");
  assert.equal(pickLanguage("zh_Hant"), "zh");
  assert.equal(pickLanguage("ja-JP"), "ja");
  assert.equal(pickLanguage("JA"), "ja");
  assert.equal(pickLanguage("en-GB"), "en");
  assert.equal(pickLanguage("fr"), "en");
  assert.equal(pickLanguage(""), "en");
  assert.equal(pickLanguage(undefined), "en");
  assert.equal(pickLanguage("constructor"), "en");
});

test("translator fills placeholders and falls back per key", () => {
  const t = translator("ja");
  assert.equal(t.lang, "ja");
  assert.equal(t("run"), "実行");
  assert.equal(t("slow", { seconds: 4, limit: 10 }), "4 秒経過しても実行中です。10 秒で自動的に停止します。すぐに止めるには「停止」を押してください。");
  assert.equal(t("loadFailed"), "Python を読み込めませんでした：{message}");
  assert.equal(t("no-such-key"), "no-such-key");
  assert.equal(translator("de")("stop"), "Stop");
});
