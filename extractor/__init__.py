"""kehoach: Vietnamese plan documents (KẾ HOẠCH) into data, every value with its evidence."""

__version__ = "0.1.0"

__all__ = ["__version__", "check", "extract_file", "extract_source", "extract_text"]

# The public API is imported when first used: a command that only queries a database (kehoach compare)
# starts without compiling every parser's and check's patterns (about 0.4 s).
_API = {"check": "extractor.checks", "extract_file": "extractor.pipeline", "extract_source": "extractor.pipeline",
        "extract_text": "extractor.pipeline"}


def __getattr__(name: str):
    if name in _API:
        import importlib

        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
