// Streamlit's widgets carry English accessible labels that the app cannot configure ("Open", "Clear all",
// "Choose an option", "add icon", "Sidebar", "Shortcut Space"), and Streamlit prints some English words of its own:
// the ⋮ menu ("System", "Light", "Dark", "About"), a button's shortcut hint ("Space"), the hint under a text box
// being typed in ("Press Enter to apply") and the "Page not found" dialog of a mistyped address. This script
// (ui/indonesian_labels.py) rewrites them in Indonesian as they appear, once per browser tab; screen readers then
// read Indonesian too.
const WORDS = {
  "Open": "Buka pilihan", "Close": "Tutup", "Clear all": "Hapus semua", "Clear value": "Hapus pilihan",
  "Choose an option": "Pilih", "Choose options": "Pilih", "Select all": "Pilih semua",
  "Show password": "Tampilkan kata sandi", "Hide password": "Sembunyikan kata sandi",
  "Browse files": "Pilih file", "Upload": "Unggah", "Remove": "Hapus", "Delete": "Hapus",
  "Download as CSV": "Unduh sebagai CSV", "Search": "Cari", "Show/hide columns": "Tampilkan/sembunyikan kolom",
  "Fullscreen": "Layar penuh", "Close fullscreen": "Tutup layar penuh", "Clear selection": "Hapus pilihan",
  // a date field: its calendar button and its day, month and year parts ("day, <label>"); its calendar
  // ("Choose date, Desember 2026", "Today, Senin, 7 Desember 2026", "… selected")
  "Choose date": "Pilih tanggal", "day,": "tanggal,", "month,": "bulan,", "year,": "tahun,",
  "Choose date,": "Pilih tanggal,", "Today,": "Hari ini,", "Previous month": "Bulan sebelumnya",
  "Next month": "Bulan berikutnya", "Previous": "Sebelumnya", "Next": "Berikutnya",
};
const SUFFIXES = {" selected": " (terpilih)"};
// Labels Streamlit gives its own frame (menu, sidebar, navigation, heading anchors), wherever they are: no element
// of the app carries these exact English labels.
const FRAME = {
  "Main menu": "Menu utama", "Theme": "Tema", "Copy version to clipboard": "Salin nomor versi",
  "App pages": "Halaman aplikasi", "Sidebar": "Bilah samping", "Collapse sidebar": "Tutup bilah samping",
  "Expand sidebar": "Buka bilah samping", "Link to heading": "Tautan ke judul ini",
};
// Whole texts printed in the menu, in shortcut hints, under a text box being typed in and in Streamlit's dialogs
// (a text node equal to the English words, nothing else).
const TEXTS = {
  "System": "Sistem", "Light": "Terang", "Dark": "Gelap", "About": "Tentang", "Space": "Spasi",
  "Made with Streamlit v": "Dibuat dengan Streamlit v", "Skip to main content": "Langsung ke isi utama",
  "Press Enter to apply": "Tekan Enter untuk menerapkan", "Press Enter to submit form": "Tekan Enter untuk mengirim",
  "Press Ctrl+Enter to apply": "Tekan Ctrl+Enter untuk menerapkan",
  "Press ⌘+Enter to apply": "Tekan ⌘+Enter untuk menerapkan", "Page not found": "Halaman tidak ditemukan",
  "Use arrow keys to navigate dates. Enter to select. Escape to close.":
    "Pindah tanggal dengan tombol panah. Enter untuk memilih. Escape untuk menutup.",
};
// Streamlit's dialog for an address that is no page of the app (an old or mistyped link)
const PATTERNS = [
  [/^You have requested page (\/\S*), but no corresponding file was found in the app's pages\/ directory\. Running the app's main page\.$/,
    "Halaman $1 tidak ada. Yang dibuka halaman Beranda."],
  [/^The page that you have requested does not seem to exist\. Running the app's main page\.$/,
    "Halaman yang kamu minta tidak ada. Yang dibuka halaman Beranda."],
];
const TEXT_PLACES = ["[data-testid='stMainMenuPopover']", "button kbd", "[data-testid='InputInstructions']",
  "[role='dialog']", "a[href='#stMain']"].join(",");
const SHORTCUT = "Shortcut ";  // a shortcut hint's label: "Shortcut Space" is read "Pintasan Spasi"
const ICON = /^[a-z_]+ icon$/;
const NAMES = ["aria-label", "title", "placeholder"];

function fix(el) {
  for (const name of NAMES) {
    const value = el.getAttribute(name);
    if (value === null) continue;
    if (FRAME[value]) {
      el.setAttribute(name, FRAME[value]);
    } else if (value.startsWith(SHORTCUT)) {
      const key = value.slice(SHORTCUT.length);
      el.setAttribute(name, "Pintasan " + (TEXTS[key] || key));
    } else if (ICON.test(value)) {
      el.removeAttribute(name);
      el.setAttribute("aria-hidden", "true");
    } else if (WORDS[value]) {
      el.setAttribute(name, WORDS[value]);
    } else {
      // a toolbar button's label may carry its element after the words ("Search <table name>")
      const words = Object.keys(WORDS).find((w) => value.startsWith(w + " "));
      let fixed = words ? WORDS[words] + value.slice(words.length) : value;
      const suffix = Object.keys(SUFFIXES).find((s) => fixed.endsWith(s));
      if (suffix) fixed = fixed.slice(0, -suffix.length) + SUFFIXES[suffix];
      if (fixed !== value) el.setAttribute(name, fixed);
    }
  }
}

function fixTexts(place) {
  const walker = document.createTreeWalker(place, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data.trim();
    if (TEXTS[text]) {
      node.data = node.data.replace(text, TEXTS[text]);
    } else {
      const [pattern, words] = PATTERNS.find(([p]) => p.test(text)) || [];
      if (pattern) node.data = text.replace(pattern, words);
    }
  }
}

// Only inside the widgets (and the table toolbars and dialogs) that carry such labels, and Streamlit's own frame
// labels and shortcut hints by their exact value; nothing else on the page is touched.
const WIDGETS = ["[data-testid='stSelectbox']", "[data-testid='stMultiSelect']", "[data-baseweb='select']",
  "[data-testid='stDateInput']",
  "[data-testid='stFileUploader']", "[data-testid='stTextInput']", "[data-testid='stElementToolbar']",
  "[role='dialog']"];
const SELECTOR = [...WIDGETS.flatMap((w) => NAMES.map((name) => w + " [" + name + "]")),
  "[role='dialog'][aria-label]",
  ...Object.keys(FRAME).flatMap((value) => NAMES.map((name) => "[" + name + "='" + value + "']")),
  "kbd[aria-label^='" + SHORTCUT + "']"].join(",");

export default function () {
  if (window.__lessonkitLabels) return;
  window.__lessonkitLabels = true;
  let pending = 0;
  const sweep = () => {
    pending = 0;
    document.querySelectorAll(SELECTOR).forEach(fix);
    document.querySelectorAll(TEXT_PLACES).forEach(fixTexts);
  };
  sweep();
  // characterData: React puts a hint's English word back when it renders that button again
  new MutationObserver(() => { if (!pending) pending = requestAnimationFrame(sweep); })
    .observe(document.body, { subtree: true, childList: true, characterData: true });
}
