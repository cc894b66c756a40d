"""What in author text would make the app fetch something from outside the server (it must work offline).

`MARKDOWN_IMAGE` is a Markdown image whose source is a URL (``http://``,
``//host``, any scheme but ``data:``); `REMOTE_IMAGE` also finds such an HTML
``<img>``. `remote_images` walks parsed YAML for them, so ``check`` reports
them; the importers drop them (``lessonkit.exchange.markup``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

SCHEME = r"(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)"
MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?(?!data:)" + SCHEME + r"[^)]*\)")
REMOTE_IMAGE = re.compile(MARKDOWN_IMAGE.pattern + r"|<img\b[^>]*\bsrc\s*=\s*[\"']?\s*(?!data:)" + SCHEME, re.I)
MESSAGE = ("gambar dari luar server tidak boleh ({found}): aplikasi harus berjalan tanpa internet; hapus gambarnya "
           "atau ganti dengan teks")


def remote_images(data: object, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(path in the data, the image as written) for every remote image in a parsed YAML document."""
    if isinstance(data, str):
        found = REMOTE_IMAGE.search(data)
        if found:
            yield path, found.group(0)
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from remote_images(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from remote_images(value, (*path, index))
