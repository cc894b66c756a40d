"""Questions in and out of the app: exchange formats for learning-management systems.

One module per format:

- ``moodle_xml``: Moodle XML export (all seven types); ``moodle_xml_read``: its import;
- ``gift``: GIFT export (the types GIFT expresses); ``gift_read``: its import;
- ``qti``: a QTI 3.0 content package (zip with ``imsmanifest.xml``).

Shared pieces: ``selection`` (which questions), ``markup`` (Markdown <-> HTML),
``tags`` (metadata the formats carry as Moodle tags), ``imported`` (an import
written as one checked quiz YAML file), ``upload`` (a file brought in: format
recognised from its content, checked without writing into quizzes/). Quizizz/Wayground spreadsheets are not
offered: their import template could not be confirmed from public documentation.
"""

from .selection import Selection, Skipped, select

__all__ = ["Selection", "Skipped", "select"]
