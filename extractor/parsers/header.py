"""PLACEHOLDER: being written."""

from schemas import Header


def parse_header(source):
    return Header()
