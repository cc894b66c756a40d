"""Printable PDFs for classes without devices: worksheet, answer key and lesson handout.

- ``document``: the page (A4 or F4 folio 215x330 mm), the bundled DejaVu Sans font, page
  numbers and the drawing helpers every PDF shares;
- ``layout``: the printed order of questions and options (Paket A/B), shared by the
  worksheet and its key so their letters agree;
- ``worksheet`` / ``answer_key`` / ``handout``: the three documents;
- ``figures``: the stage diagrams (the app's SVG) made ready for the handout.

Built with fpdf2 (pure Python, small, draws answer lines and boxes exactly where we want
them and embeds SVG images); its built-in fonts cannot print "—" or curly quotes, so
DejaVu Sans is bundled in ``assets/fonts/dejavu`` with its licence.
"""

from .answer_key import answer_key
from .document import PAPERS
from .handout import handout
from .worksheet import worksheet

__all__ = ["PAPERS", "answer_key", "handout", "worksheet"]
