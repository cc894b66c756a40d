"""The English-text check for browser tests: English that Streamlit's own widgets print, found on a page.

`english_on_page(page)` walks the visible text (SVG chart text included), the accessible labels
(``aria-label``, ``title``, ``placeholder``, ``alt``) of visible elements and the shortcut hints (``<kbd>``) on
buttons, and returns every phrase from
`ENGLISH` (or an English-looking date, or an "<icon> icon" label) it finds. Call it in each page state a
test visits: ``assert english_on_page(page) == []``.
"""

from __future__ import annotations

import re

ENGLISH = (  # what Streamlit 1.67 prints on its own unless the app turns it off or replaces it
    "Select all", "Press Enter to submit form", "Press Enter to apply", "Drag and drop file here", "Browse files",
    "Limit 200MB per file", "Choose an option", "Choose options", "No results", "Clear all", "Clear value",
    "Show password", "Hide password", "Download as CSV", "Page not found", "No data to display", "Running...",
    "Copy to clipboard", "Upload", "Delete", "Remove", "Search", "Close", "Open",
    "System", "Light", "Dark", "About", "Main menu", "Space",  # the ⋮ menu and a shortcut hint
    "Made with Streamlit", "Copy version to clipboard", "Skip to main content", "App pages", "Sidebar",
    "Collapse sidebar", "Expand sidebar", "Link to heading", "Shortcut Space", "Choose date",
)
DATE_PART = re.compile(r"^(day|month|year|Choose date|Today), |^(Previous|Next) month$| selected$")  # a date field
# and its calendar: "day, Dibuka tanggal", "Choose date, Desember 2026", "Selasa, 8 Desember 2026 selected"
CALENDAR_HELP = "Use arrow keys to navigate dates"
ENGLISH_DATE = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2}, \d{4}\b")
ICON_LABEL = re.compile(r"^[a-z_]+ icon$")

_COLLECT = """() => {
  const shown = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none"; };
  const labels = [];
  for (const el of document.querySelectorAll("[aria-label], [title], [placeholder], img[alt]")) {
    if (!shown(el) || el.closest("[data-testid='stToolbar'], [data-testid='stHeader']")) continue;
    for (const name of ["aria-label", "title", "placeholder", "alt"]) {
      const value = el.getAttribute(name);
      if (value) labels.push(value.trim());
    }
  }
  for (const kbd of document.querySelectorAll("kbd")) if (shown(kbd)) labels.push(kbd.textContent.trim());
  const svg = [...document.querySelectorAll("svg text")].map((t) => t.textContent);
  return {text: document.body.innerText + "\\n" + svg.join("\\n"), labels};
}"""


def english_on_page(page, settle_ms: int = 2000) -> list[str]:
    """English phrases Streamlit prints that are visible on ``page`` (empty when the page is all Indonesian).

    Streamlit's accessible labels are rewritten in Indonesian a frame after a widget appears
    (ui/indonesian_labels.js), so a page that still shows English is looked at again for up to ``settle_ms``.
    """
    hits = _english(page)
    for _ in range(settle_ms // 250):
        if not hits:
            break
        page.wait_for_timeout(250)
        hits = _english(page)
    return hits


def _english(page) -> list[str]:
    found = page.evaluate(_COLLECT)
    lines = {line.strip() for line in found["text"].splitlines() if line.strip()}
    labels = set(found["labels"])
    hits = [phrase for phrase in (*ENGLISH, CALENDAR_HELP) if phrase in lines or phrase in labels
            or (len(phrase) > 12 and any(phrase in line for line in lines))]
    hits += [label for label in labels if ICON_LABEL.match(label) or DATE_PART.match(label)]
    hits += ENGLISH_DATE.findall(found["text"]) and [m.group(0) for m in ENGLISH_DATE.finditer(found["text"])]
    return sorted(set(hits))
