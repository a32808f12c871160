"""PLACEHOLDER: being written; returns nothing yet."""


def parse_tables(source):
    return []
