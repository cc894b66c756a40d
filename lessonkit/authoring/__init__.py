"""Reading what teachers edit: YAML that remembers its lines, strict schemas, and problems printed as
``FILE:LINE: id: field: message``."""
