// Streamlit's widgets carry English accessible labels that the app cannot configure ("Open", "Clear all",
// "Choose an option", "add icon"). This script (ui/indonesian_labels.py) rewrites them in Indonesian as they
// appear, once per browser tab; screen readers then read Indonesian too.
const WORDS = {
  "Open": "Buka pilihan", "Close": "Tutup", "Clear all": "Hapus semua", "Clear value": "Hapus pilihan",
  "Choose an option": "Pilih", "Choose options": "Pilih", "Select all": "Pilih semua",
  "Show password": "Tampilkan kata sandi", "Hide password": "Sembunyikan kata sandi",
  "Browse files": "Pilih file", "Upload": "Unggah", "Remove": "Hapus", "Delete": "Hapus",
};
const ICON = /^[a-z_]+ icon$/;
const NAMES = ["aria-label", "title", "placeholder"];

function fix(el) {
  for (const name of NAMES) {
    const value = el.getAttribute(name);
    if (value === null) continue;
    if (ICON.test(value)) {
      el.removeAttribute(name);
      el.setAttribute("aria-hidden", "true");
    } else if (WORDS[value]) {
      el.setAttribute(name, WORDS[value]);
    }
  }
}

export default function () {
  if (window.__lessonkitLabels) return;
  window.__lessonkitLabels = true;
  const selector = NAMES.map((name) => "[" + name + "]").join(",");
  const sweep = (root) => {
    if (root.nodeType !== 1) return;
    if (root.matches(selector)) fix(root);
    root.querySelectorAll(selector).forEach(fix);
  };
  sweep(document.body);
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === "attributes") fix(change.target);
      else change.addedNodes.forEach(sweep);
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: NAMES });
}
