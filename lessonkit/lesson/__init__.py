"""The lesson as data: sections and glossary (content), curriculum codes, the project and rubrics, stage
data, reading order, glossary search, flashcards and progress summaries."""
