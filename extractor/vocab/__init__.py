"""Vietnamese vocabulary, kept apart from the parsing code; each table has examples a test runs."""
