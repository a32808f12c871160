"""kehoach: Vietnamese plan documents (KẾ HOẠCH) into data, every value with its evidence."""

__version__ = "0.1.0"
