"""PLACEHOLDER: being written; returns nothing yet."""


def parse_targets(source):
    return []
