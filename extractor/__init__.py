"""kehoach: Vietnamese plan documents (KẾ HOẠCH) into data, every value with its evidence."""

__version__ = "0.1.0"

# The public API; __version__ comes first because the pipeline records it.
from extractor.checks import check  # noqa: E402
from extractor.pipeline import extract_file, extract_source, extract_text  # noqa: E402

__all__ = ["__version__", "check", "extract_file", "extract_source", "extract_text"]
