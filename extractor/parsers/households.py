"""PLACEHOLDER: being written; returns nothing yet."""


def parse_households(source):
    return []
