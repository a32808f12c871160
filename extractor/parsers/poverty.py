"""PLACEHOLDER: being written; returns nothing yet."""


def parse_poverty(source):
    return []
