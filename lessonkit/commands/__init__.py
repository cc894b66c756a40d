"""Subcommands of ``python -m lessonkit``: one module each, with ``add(commands)`` registering its parser.

``add`` creates the subcommand's parser and sets ``run=<function(args, prog) -> int>`` as its default;
``lessonkit.cli`` lists the modules and dispatches.
"""
