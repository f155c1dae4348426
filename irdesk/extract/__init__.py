"""The extractor: pure Python, no Qt, no database. A file in, a ``ParsedRelease`` out."""

from .engine import extract_bytes, extract_file, extract_text
from .model import Compound, Contact, ParsedRelease, Presentation, Release, Section
from .readers import EXTENSIONS, ReadError

__all__ = ["extract_file", "extract_bytes", "extract_text", "ParsedRelease", "Release",
           "Presentation", "Compound", "Contact", "Section", "ReadError", "EXTENSIONS"]
