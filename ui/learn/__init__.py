"""The student's screens: lesson sections and diagrams, the presentation, practice and exams (with the
countdown bar), class exams, progress and the project card."""
