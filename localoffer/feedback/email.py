"""Email addresses given for a reply: one plain address, and a mailto: link that stays one.

A `mailto:` link reads `?`, `&`, `,` and `%` as its own syntax: `a@x.example?bcc=b@y.example`
would copy someone in, and `a@x.example,b@y.example` would write to two people. An address
given for a reply may therefore hold none of them, and the link percent-encodes it anyway
(addresses stored before this rule are made harmless the same way).
"""

from __future__ import annotations

import re
from urllib.parse import quote

# The local part: letters, digits and the usual punctuation of real addresses, in dot-separated
# runs. RFC 5322 allows more (`?`, `&`, `=`, `%`, quoted strings), which nobody uses for a
# personal address and which would change a mailto: link, so they are refused.
_LOCAL_RUN = r"[A-Za-z0-9!#$'*+/^_`{|}~-]+"
# The domain: labels of letters (any script) and digits, hyphens inside, and a top-level name.
_LABEL = r"[^\W_](?:[^\W_]|-){0,62}"
_TOP = r"(?:[^\W\d_]{2,63}|xn--[A-Za-z0-9-]{1,59})"
PLAIN_ADDRESS = re.compile(rf"{_LOCAL_RUN}(?:\.{_LOCAL_RUN})*@(?:{_LABEL}\.)+{_TOP}")


def is_plain_address(value: str) -> bool:
    """True for one address and nothing else: no name, no <>, no query, no second address."""
    return (
        PLAIN_ADDRESS.fullmatch(value) is not None
        and not any(label.endswith("-") for label in value.rpartition("@")[2].split("."))
    )


def looks_like_several(value: str) -> bool:
    """Two or more addresses in one box: in a list, or one hidden in a `?cc=` or `?bcc=`."""
    return value.count("@") > 1


def mailto_href(address: str) -> str:
    """A mailto: link to exactly this address, whatever it holds."""
    return "mailto:" + quote(address, safe="@")
