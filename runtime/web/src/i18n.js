// Every text the live block shows, in the three page languages. Glossary terms
// (Run, Reset, Copy link, Loading Python…, Output, Stop, Expected, Matches the docs,
// live example) use the wording of the project glossary exactly.

export const LABELS = {
  en: {
    liveExample: "live example",
    run: "Run",
    reset: "Reset",
    edit: "Edit",
    copyLink: "Copy link",
    linkCopied: "Link copied",
    linkInAddressBar: "The link is in the address bar",
    stop: "Stop",
    output: "Output",
    expected: "Expected",
    check: "Check against the docs",
    checking: "Checking…",
    matches: "Matches the docs",
    mismatch: "Does not match the docs",
    loading: "Loading Python…",
    ready: "Python is ready",
    running: "Running…",
    stopped: "Stopped.",
    restarted: "Stopped. Python was restarted; press Run to run this code again.",
    slow: "Still running after {seconds} seconds. Press Stop to end it.",
    loadFailed: "Python could not be loaded: {message}",
    failed: "Something went wrong: {message}",
    editorLabel: "Code editor",
    editorHint: "Ctrl+Enter runs the code. Press Esc, then Tab, to leave the editor.",
    sharedCode: "This code comes from a shared link.",
    sidebar: "Sidebar",
    traceback: "Traceback",
    serverLog: "Server log",
    unknownElement: "This element ({type}) can't be shown in a live example.",
    uploadsUnavailable: "File uploads are not available in live examples.",
    chooseOption: "Choose an option",
    addRow: "Add row",
    deleteRow: "Delete row",
  },
  zh: {
    liveExample: "实时示例",
    run: "运行",
    reset: "重置",
    edit: "编辑",
    copyLink: "复制链接",
    linkCopied: "链接已复制",
    linkInAddressBar: "链接已显示在地址栏中",
    stop: "停止",
    output: "输出",
    expected: "预期结果",
    check: "与文档核对",
    checking: "正在核对…",
    matches: "与文档一致",
    mismatch: "与文档不一致",
    loading: "正在加载 Python…",
    ready: "Python 已就绪",
    running: "正在运行…",
    stopped: "已停止。",
    restarted: "已停止。Python 已重新启动；按“运行”可再次运行这段代码。",
    slow: "已运行超过 {seconds} 秒。按“停止”可以中止。",
    loadFailed: "无法加载 Python：{message}",
    failed: "出错了：{message}",
    editorLabel: "代码编辑器",
    editorHint: "按 Ctrl+Enter 运行代码。先按 Esc 再按 Tab 可离开编辑器。",
    sharedCode: "这段代码来自分享链接。",
    sidebar: "侧边栏",
    traceback: "调用栈",
    serverLog: "服务器日志",
    unknownElement: "实时示例无法显示此元素（{type}）。",
    uploadsUnavailable: "实时示例中无法上传文件。",
    chooseOption: "请选择",
    addRow: "添加行",
    deleteRow: "删除行",
  },
  ja: {
    liveExample: "ライブサンプル",
    run: "実行",
    reset: "リセット",
    edit: "編集",
    copyLink: "リンクをコピー",
    linkCopied: "リンクをコピーしました",
    linkInAddressBar: "リンクをアドレスバーに表示しました",
    stop: "停止",
    output: "出力",
    expected: "期待される結果",
    check: "ドキュメントと照合",
    checking: "照合中…",
    matches: "ドキュメントと一致",
    mismatch: "ドキュメントと一致しません",
    loading: "Python を読み込み中…",
    ready: "Python の準備ができました",
    running: "実行中…",
    stopped: "停止しました。",
    restarted: "停止しました。Python を再起動しました。もう一度実行するには「実行」を押してください。",
    slow: "{seconds} 秒以上実行中です。「停止」で中断できます。",
    loadFailed: "Python を読み込めませんでした：{message}",
    failed: "エラーが発生しました：{message}",
    editorLabel: "コードエディタ",
    editorHint: "Ctrl+Enter で実行します。Esc の後に Tab を押すとエディタから移動できます。",
    sharedCode: "このコードは共有リンクから読み込まれました。",
    sidebar: "サイドバー",
    traceback: "トレースバック",
    serverLog: "サーバーログ",
    unknownElement: "この要素（{type}）はライブサンプルでは表示できません。",
    uploadsUnavailable: "ライブサンプルではファイルをアップロードできません。",
    chooseOption: "選択してください",
    addRow: "行を追加",
    deleteRow: "行を削除",
  },
};

/** The UI language for an `<html lang>` value: "zh-CN" → "zh", anything unknown → "en". */
export function pickLanguage(tag) {
  const base = String(tag ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return Object.hasOwn(LABELS, base) ? base : "en";
}

/** A `t(key, params)` function for one language; a missing key falls back to English. */
export function translator(tag) {
  const lang = pickLanguage(tag);
  const table = LABELS[lang];
  const t = (key, params = {}) => {
    const template = table[key] ?? LABELS.en[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
  };
  t.lang = lang;
  return t;
}
