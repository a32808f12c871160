"""PLACEHOLDER: being written; returns nothing yet."""


def parse_references(source):
    return []
