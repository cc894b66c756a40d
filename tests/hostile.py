"""Text a hostile (or just playful) student might type, used by the AppTest and Chromium tests of user text."""

from __future__ import annotations

CORPUS = {
    "markdown-image": "![x](http://example.invalid/p.png)",
    "markdown-link": "[klik di sini](http://example.invalid/login)",
    "javascript-url": "[klik](javascript:alert(document.cookie))",
    "html-image": "<img src=http://example.invalid/a.png onerror=alert(1)>",
    "html-script": "<script>alert(1)</script><b>tebal</b>",
    "emphasis": "**tebal** _miring_ ~~coret~~ `kode`",
    "heading-list-quote": "# Judul\n- butir\n> kutipan",
    "material-icon": ":material/home: :material/warning:",
    "emoji-shortcode": ":smile: :+1: :poop:",
    "colour": ":red[merah] :blue-background[biru]",
    "maths": "$x^2$ dan $$\\frac{1}{2}$$",
    "bare-links": "http://example.invalid/p.png www.example.invalid ana@example.invalid",
    "right-to-left": "\u202eanA \u2067kelas\u2069",
    "zero-width": "A\u200bn\u200ca\u200d\ufeff",
    "sql": "Robert'); DROP TABLE students;--",
    "formula": '=HYPERLINK("http://example.invalid","klik")',
    "indented-code": "    kode blok",
    "long": "panjang " * 1250,
}
OUTSIDE = "example.invalid"
