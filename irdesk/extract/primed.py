"""The extractor, imported with everything it builds on first use already built.

The fork server the reader processes start from imports this module (``irdesk.workers``):
the vocabularies and their patterns are then built once and shared by every reader it
forks, not built again in each (about 0.3 s of CPU a reader)."""

from .engine import prime

prime()
