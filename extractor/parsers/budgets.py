"""PLACEHOLDER: being written; returns nothing yet."""


def parse_budgets(source):
    return []
